package dev.gradlab.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The flood that once ended in OutOfMemoryError: the real app in a forked JVM with a 512 MB heap, one client opening
 * 3,000 sessions with plain GETs and no cookies (the per-address rate raised, so the session cap alone must hold), and a
 * student who came first still being served.
 */
class FloodTest {

    private static final int FLOOD = 3_000;
    /** MB, the forked app's {@code -Xmx}. */
    private static final int HEAP = 512;
    /**
     * The session cap the app must then choose by itself: one session per MB of heap beyond the 256 MB the app keeps
     * for its own (README, "A crowd of students"), i.e. 512 − 256. Written out here, not taken from CrowdGuard.
     */
    private static final int CAP = 256;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void three_thousand_cookieless_visits_on_a_small_heap_get_polite_refusals_and_the_first_student_is_still_served()
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(
                        java,
                        "-Xmx" + HEAP + "m",
                        // G1 reports the whole -Xmx as the maximum heap (the serial collector leaves out a survivor
                        // space), so the cap the app derives from it is exactly the one expected here
                        "-XX:+UseG1GC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.gradlab.Application",
                        "--server.port=" + port,
                        "--vaadin.launch-browser=false",
                        "--vaadin.devmode.devTools.enabled=false",
                        "--gradlab.sessions.new-per-address-per-minute=1000000",
                        // no flood session may expire and make room during a slow run: the count below is exact
                        "--gradlab.sessions.untouched-timeout=30m")
                .redirectErrorStream(true)
                .start();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            URI home = URI.create("http://127.0.0.1:" + port + "/");
            HttpClient plain = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            HttpResponse<String> first = null;
            while (first == null && System.nanoTime() < deadline && app.isAlive()) {
                try {
                    first = plain.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertThat(first).as("the app answers; log: %s", log).isNotNull();
            assertThat(first.statusCode()).isEqualTo(200);
            String cookie =
                    first.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];

            int ok = 1;
            int refused = 0;
            List<Integer> other = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                HttpResponse<String> r;
                try {
                    r = send(plain, home);
                } catch (IOException e) {
                    throw new AssertionError(
                            "request " + i + " failed (" + e + "), app alive: " + app.isAlive() + ", log: "
                                    + log.subList(Math.max(0, log.size() - 15), log.size()),
                            e);
                }
                if (r.statusCode() == 200) {
                    ok++;
                } else if (r.statusCode() == 503) {
                    refused++;
                    if (refused == 1) {
                        assertThat(r.headers().firstValue("retry-after")).hasValue("60");
                        assertThat(r.body()).contains("The class is full");
                    }
                } else {
                    other.add(r.statusCode());
                }
            }
            System.out.println("flood: " + ok + " sessions opened, " + refused + " politely refused, other " + other);
            assertThat(other).isEmpty();
            // the first student's session and the flood's together fill the cap exactly; every other visit is refused
            assertThat(ok).as("sessions opened").isEqualTo(CAP);
            assertThat(refused).as("polite refusals").isEqualTo(FLOOD - (CAP - 1));

            HttpResponse<String> student = plain.send(
                    HttpRequest.newBuilder(URI.create(home + "lab/gd-by-hand"))
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(student.statusCode()).isEqualTo(200);
            assertThat(app.isAlive()).isTrue();
            assertThat(log).noneMatch(l -> l.contains("OutOfMemoryError"));
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /**
     * Tomcat closes the connection after a 503 (Connection: close), and the client may already have reused it for the
     * next request: that request is sent again on a new connection, at most twice, as a browser would.
     */
    private static HttpResponse<String> send(HttpClient client, URI uri) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                if (attempt == 3) {
                    throw closed;
                }
            }
        }
    }
}
