package dev.gradlab.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web app probed as an attacker would, over raw HTTP on loopback (no browser, no client library that would tidy
 * the request up first): hostile query parameters, huge ids and bodies, malformed Vaadin requests, {@code /error},
 * NUL bytes and {@code ..} in paths. Every answer must have the right status and leak nothing: no stack trace, no
 * exception class, no server or framework version (in the {@code Server} header or the body).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "vaadin.launch-browser=false"})
class HostileRequestsTest {

    /** What must never be in an answer: traces and exception names. */
    private static final List<String> TRACES =
            List.of("exception", "\tat ", "at java.", "at org.", "at dev.gradlab", "whitelabel");
    /**
     * The versions this project builds on (Spring Boot, Vaadin, Tomcat), never in an error answer; Vaadin's own pages
     * in development mode (which the tests run in) name Vaadin's version to its client, so those are checked on the
     * production jar instead (bench/probe.sh).
     */
    private static final List<String> VERSIONS = List.of("3.5.7", "24.9.4", "tomcat", "10.1.4", "spring boot");

    @LocalServerPort
    int port;

    record Answer(int status, String head, String body) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$")
                    .matcher(head);
            return m.find() ? m.group(1) : "";
        }
    }

    /** Sends {@code request} (the request line and headers; a body after them) as bytes, reads the whole answer. */
    private Answer send(byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before a huge body is sent: read what it said
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0 && got.size() < 2_000_000) {
                    got.write(buf, 0, n);
                }
            } catch (IOException reset) {
                // a connection reset after the answer: keep what was read
            }
            String text = got.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("an HTTP answer to %s", firstLine(request)).isPositive();
            String head = text.substring(0, split);
            int status = Integer.parseInt(head.substring(9, 12));
            String body = text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(status, head, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, eol).strip().split(";")[0], 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes, the text is UTF-8: re-encode to cut exactly
            byte[] rest = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String part = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            out.append(part);
            i = eol + 2 + part.length() + 2;
        }
        return out.toString();
    }

    private static String firstLine(byte[] request) {
        String r = new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1);
        return r.lines().findFirst().orElse(r);
    }

    private Answer get(String target) throws IOException {
        return send(
                ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
    }

    private Answer post(String target, String contentType, byte[] body, String extraHeaders) throws IOException {
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + body.length + "\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return send(all);
    }

    /** No trace, no Server header; and, unless it is one of Vaadin's own pages, no version either. */
    private static void assertNothingLeaks(Answer a) {
        System.out.println("probe answer " + a.status() + ": " + around(a.body(), 0));
        assertThat(a.header("Server")).as("Server header").isEmpty();
        assertThat(a.header("X-Powered-By")).as("X-Powered-By header").isEmpty();
        String lower = a.body().toLowerCase(Locale.ROOT);
        boolean vaadinPage = lower.contains("auto-generated by vaadin") || lower.startsWith("for(;;);");
        for (String leak : TRACES) {
            assertThat(lower)
                    .as("the answer (%d) leaks '%s': %s", a.status(), leak, around(a.body(), lower.indexOf(leak)))
                    .doesNotContain(leak);
        }
        if (!vaadinPage) {
            for (String leak : VERSIONS) {
                assertThat(lower)
                        .as("the answer (%d) names '%s': %s", a.status(), leak, around(a.body(), lower.indexOf(leak)))
                        .doesNotContain(leak);
            }
        }
    }

    private static String around(String s, int at) {
        int from = Math.max(0, at - 150);
        return s.substring(from, Math.min(s.length(), from + 300)).replace('\n', ' ');
    }

    @Test
    void hostile_lab_parameters_get_the_ordinary_page_and_leak_nothing() throws IOException {
        for (String query : List.of(
                "step=-1", "step=99999999999", "strategies=%3Cscript%3Ealert(1)%3C/script%3E", "code=%00", "step=")) {
            Answer a = get("/lab/gd-by-hand?" + query);
            assertThat(a.status()).as(query).isEqualTo(200);
            assertThat(a.body()).as(query).doesNotContain("<script>alert(1)");
            assertNothingLeaks(a);
        }
    }

    @Test
    void a_ten_kilobyte_id_gets_a_polite_refusal_without_a_trace() throws IOException {
        Answer a = get("/lab/" + "x".repeat(10_000));
        assertThat(a.status()).isIn(200, 400, 404, 414, 431);
        assertNothingLeaks(a);
        Answer header = send(
                ("GET / HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "y".repeat(20_000) + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(header.status()).isIn(400, 431);
        assertNothingLeaks(header);
    }

    @Test
    void malformed_vaadin_requests_are_refused_without_a_trace() throws IOException {
        // garbage, a huge body, JSON with a made-up security key, and a wrong content type
        Answer garbage =
                post("/?v-r=uidl&v-uiId=0", "application/json", "{{{not json".getBytes(StandardCharsets.UTF_8), "");
        // without a session Vaadin tells its client the session has expired (200, one short line); never a trace
        assertThat(garbage.status()).isIn(200, 400, 403);
        assertThat(garbage.body()).hasSizeLessThan(500);
        assertNothingLeaks(garbage);

        byte[] huge = ("{\"csrfToken\":\"" + "a".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer big = post("/?v-r=uidl&v-uiId=0", "application/json", huge, "");
        assertThat(big.status()).isIn(200, 400, 403, 413);
        assertThat(big.body()).hasSizeLessThan(500);
        assertNothingLeaks(big);

        // a real session and UI, then a request with a made-up security key
        Answer first = get("/lab/gd-by-hand");
        String cookie = first.header("Set-Cookie").split(";")[0];
        assertThat(cookie).startsWith("JSESSIONID=");
        Answer init = send(("GET /?v-r=init&location=lab%2Fgd-by-hand&query= HTTP/1.1\r\nHost: localhost\r\nCookie: "
                        + cookie + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(init.status()).isEqualTo(200);
        String forged =
                "{\"csrfToken\":\"00000000-0000-0000-0000-000000000000\",\"rpc\":[],\"syncId\":0,\"clientId\":0}";
        Answer wrongKey = post(
                "/?v-r=uidl&v-uiId=0",
                "application/json",
                forged.getBytes(StandardCharsets.UTF_8),
                "Cookie: " + cookie + "\r\n");
        assertThat(wrongKey.status()).isIn(200, 403);
        assertThat(wrongKey.body()).doesNotContain("\"changes\":[{"); // nothing of the UI is sent back
        assertNothingLeaks(wrongKey);

        Answer heartbeat = post("/?v-r=heartbeat&v-uiId=999999", "text/plain", new byte[0], "");
        assertThat(heartbeat.status()).isIn(200, 400, 403, 410);
        assertThat(heartbeat.body()).hasSizeLessThan(500);
        assertNothingLeaks(heartbeat);
    }

    @Test
    void a_body_over_a_megabyte_to_the_api_is_refused_with_one_json_line() throws IOException {
        byte[] body = ("title: " + "z".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
        Answer a = post(
                "/api/scenarios",
                "application/yaml",
                body,
                "Authorization: Basic YWRtaW46YWRtaW4tcGFzc3dvcmQtZm9yLXRlc3Rz\r\n"); // admin:admin-password-for-tests
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.body().strip()).startsWith("{\"error\":").endsWith("}").doesNotContain("\n");
        assertNothingLeaks(a);
    }

    @Test
    void the_error_page_and_odd_paths_answer_politely() throws IOException {
        for (String target : List.of(
                "/error",
                "/%00",
                "/lab/%00",
                "/lab/gd-by-hand%00.yaml",
                "/../../etc/passwd",
                "/..%2f..%2fetc%2fpasswd",
                "/VAADIN/..%2f..%2fWEB-INF/web.xml",
                "/VAADIN/../application.properties",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/api/scenarios/%00/run",
                "/api/../../etc/passwd")) {
            Answer a = get(target);
            assertThat(a.status()).as(target).isIn(400, 401, 404);
            assertThat(a.body()).as(target).doesNotContain("root:x:0:0").doesNotContain("server.port");
            assertNothingLeaks(a);
        }
    }
}
