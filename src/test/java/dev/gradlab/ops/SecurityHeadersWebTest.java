package dev.gradlab.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The real server on a random port: every kind of response carries the headers, and errors tell nothing inside. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gradlab.embed.frame-ancestors='self' https://course.example.edu")
class SecurityHeadersWebTest {

    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCommonHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .as(r.uri().toString())
                .hasValueSatisfying(csp -> assertThat(csp)
                        .startsWith("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'")
                        .contains("object-src 'none'"));
        assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(r.headers().allValues("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    }

    private static void assertFramedOnlyBySelf(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as(r.uri().toString())
                .endsWith("frame-ancestors 'self'");
        assertThat(r.headers().allValues("X-Frame-Options"))
                .as(r.uri().toString())
                .containsExactly("SAMEORIGIN");
    }

    @Test
    void the_session_cookie_of_a_real_first_visit_is_same_site_lax() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        // the cookie a first visit opens its session with: not sent along with requests started by other sites
        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(c -> assertThat(c.split(";\\s*")).contains("SameSite=Lax", "HttpOnly"));
    }

    @Test
    void pages_static_files_the_api_and_unknown_addresses_may_be_framed_only_by_gradlab() throws Exception {
        for (String path : new String[] {
            "/",
            "/lab/gd-by-hand?step=2",
            "/login",
            "/no-such-page",
            "/favicon.ico",
            "/api/scenarios/gd-by-hand",
            "/api/no-such-thing",
            "/VAADIN/no-such-file.js"
        }) {
            HttpResponse<String> r = get(path);
            assertCommonHeaders(r);
            assertFramedOnlyBySelf(r);
        }
    }

    @Test
    void an_embed_page_may_be_framed_by_the_configured_ancestors_and_has_no_x_frame_options() throws Exception {
        HttpResponse<String> r = get("/lab/gd-by-hand?step=2&embed=true");
        assertThat(r.statusCode()).isEqualTo(200);
        assertCommonHeaders(r);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .endsWith("frame-ancestors 'self' https://course.example.edu");
        assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void a_server_error_shows_no_stack_trace_message_or_version() throws Exception {
        HttpResponse<String> r = get("/test/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertCommonHeaders(r);
        assertThat(r.body())
                .doesNotContain("secret internal detail", "IllegalStateException", "at dev.gradlab", "Tomcat");
    }

    @Test
    void the_error_page_and_an_unknown_api_path_tell_nothing_about_the_server() throws Exception {
        for (String path : new String[] {"/error", "/api/no-such-thing"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isBetween(400, 599);
            assertCommonHeaders(r);
            assertThat(r.body()).as(path).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception", "trace");
        }
    }

    @Test
    void a_malformed_request_gets_a_bare_400_without_a_server_version() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /lab/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .lines()
                    .collect(Collectors.joining("\n"));
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer)
                    .doesNotContainIgnoringCase("tomcat")
                    .doesNotContainIgnoringCase("server:")
                    .doesNotContain("Exception");
        }
    }
}
