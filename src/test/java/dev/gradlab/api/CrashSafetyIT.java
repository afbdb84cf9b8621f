package dev.gradlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.ChildApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing saved is lost on a crash: the app (main classes and runtime libraries, the default H2 file under
 * {@code gradlab.data-dir}) runs in a child JVM, saves through the API, is SIGKILLed the moment the 201 arrives, and
 * after a restart on the same directory the scenario reads back unchanged.
 */
class CrashSafetyIT {

    static final String ADMIN_PASSWORD = "crash-test-admin-pw";
    static final String TEXT = "id: crash-safe\ntitle: Survives a kill\nkind: manual\nlearningRate: 1\n"
            + "params: {theta: 10}\ngradients: [{theta: 2}]\n";

    static final StringBuffer LOG = new StringBuffer();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void a_scenario_saved_just_before_a_sigkill_is_there_after_restart(@TempDir Path dataDir) throws Exception {
        String slug;
        App first = App.start(dataDir);
        try {
            assertThat(post(
                                    first,
                                    "/api/users",
                                    "admin",
                                    ADMIN_PASSWORD,
                                    "application/json",
                                    "{\"username\": \"ida\", \"password\": \"ida-password\"}")
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> saved =
                    post(first, "/api/scenarios?visibility=private", "ida", "ida-password", "application/yaml", TEXT);
            first.kill(); // SIGKILL on Linux, right after the 201
            assertThat(saved.statusCode()).isEqualTo(201);
            Matcher m = Pattern.compile("\"slug\":\"([a-z2-7]+)\"").matcher(saved.body());
            assertThat(m.find()).as(saved.body()).isTrue();
            slug = m.group(1);
        } finally {
            first.kill();
        }
        assertThat(dataDir.resolve("gradlab.mv.db")).exists();

        App second = App.start(dataDir);
        try {
            HttpResponse<String> back = http.send(
                    HttpRequest.newBuilder(second.uri("/api/scenarios/" + slug))
                            .header("Authorization", basic("ida", "ida-password"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo(TEXT);
        } finally {
            second.kill();
        }
    }

    private HttpResponse<String> post(App app, String path, String user, String password, String type, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(app.uri(path))
                        .header("Authorization", basic(user, password))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The app in a child JVM: main classes and libraries only (the tests' in-memory database settings left out). */
    record App(Process process, int port) {

        static App start(Path dataDir) throws Exception {
            ChildApp app = ChildApp.start(
                    "the app",
                    ADMIN_PASSWORD,
                    LOG,
                    List.of("--gradlab.data-dir=" + dataDir, "--vaadin.launch-browser=false"));
            return new App(app.process(), app.port());
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
