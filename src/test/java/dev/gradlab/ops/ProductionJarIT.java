package dev.gradlab.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production jar, built from this checkout with {@code -Pproduction} (no Node: the committed bundle), run the way
 * the Dockerfile's ENTRYPOINT runs it, and behind a real proxy as two replicas ({@code deploy/two-replicas.sh}).
 * No Docker engine runs here, so this is as close to the image as the machine allows: the same command line, the same
 * options and environment, the same non-root user when the test runs as root, a temporary folder for {@code /data}.
 */
class ProductionJarIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path JAR = ROOT.resolve("target/production/gradlab.jar");

    @BeforeAll
    static void buildTheProductionJar() throws Exception {
        if (Files.exists(JAR) && Boolean.getBoolean("gradlab.reuse-production-jar")) {
            return;
        }
        // a nested build in its own directory, so the running build's target/classes is left alone
        List<String> command = List.of(
                "mvn",
                "-B",
                "-q",
                "-Pproduction",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-Dgradlab.build.dir=" + ROOT.resolve("target/production"),
                "package");
        Process build = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("target/production-build.log").toFile())
                .start();
        boolean done = build.waitFor(15, TimeUnit.MINUTES);
        assertThat(done).as("the production build finished within 15 minutes").isTrue();
        assertThat(build.exitValue())
                .as("mvn -Pproduction package (log: target/production-build.log)")
                .isZero();
        assertThat(JAR).exists();
    }

    @Test
    void the_jar_started_as_the_image_starts_it_is_healthy_serves_pages_in_production_mode_and_keeps_its_data(
            @TempDir Path data) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && ensureUser("gradlab")) {
            // the image's USER: not root (data folder owned by that user, as the image's chown does)
            run("chown", "-R", "gradlab", data.toString());
            run("chmod", "o+rx", ROOT.toString(), ROOT.resolve("target").toString());
            command.addAll(List.of("runuser", "-u", "gradlab", "--"));
        }
        // the Dockerfile's ENTRYPOINT with /app/gradlab.jar and /data replaced
        command.addAll(List.of(
                "sh",
                "-c",
                "exec java $JAVA_OPTS -jar \"$0\" --gradlab.data-dir=\"$1\"",
                JAR.toString(),
                data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
        env.put("JAVA_OPTS", "-Xmx768m");
        env.put("PORT", Integer.toString(port));
        env.put("GRADLAB_ADMIN_PASSWORD", "image-admin-password");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String health = waitForHealth(http, port, app, log);
            assertThat(health).contains("\"status\":\"UP\"");

            HttpResponse<String> page = get(http, port, "/lab/gd-by-hand");
            assertThat(page.statusCode()).isEqualTo(200);
            // production mode: the bundled front end, no development server or its tools
            assertThat(page.body()).doesNotContainIgnoringCase("devtools").doesNotContain("@vite/client");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

            // the admin was written into the H2 file in the data folder (the image's volume)
            HttpResponse<String> users = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users"))
                            .header("Authorization", basic("admin", "image-admin-password"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\": \"lee\", \"password\": \"lee-password-1\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(201);
            assertThat(data.resolve("gradlab.mv.db")).exists();
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            run("pkill", "-f", "--gradlab.data-dir=" + data); // in case runuser did not pass the signal on
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75");
    }

    @Test
    void two_replicas_behind_a_sticky_proxy_share_saved_scenarios_and_survive_one_replica_stopping() throws Exception {
        String url = System.getenv("GRADLAB_TEST_POSTGRES_URL");
        assumeTrue(url != null, "two replicas: skipped, GRADLAB_TEST_POSTGRES_URL is not set (see .ci/run)");
        assumeTrue(
                Files.isExecutable(Path.of("/usr/sbin/haproxy")),
                "two replicas: skipped, haproxy is not installed (.ci/run installs it)");
        URI jdbc = URI.create(url.substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/two-replicas.sh")
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAR", JAR.toString());
        env.put("PGHOST", jdbc.getHost());
        env.put("PGPORT", Integer.toString(jdbc.getPort() < 0 ? 5432 : jdbc.getPort()));
        env.put("PGUSER", System.getenv().getOrDefault("GRADLAB_TEST_POSTGRES_USER", "gradlab"));
        env.put("PGPASSWORD", System.getenv().getOrDefault("GRADLAB_TEST_POSTGRES_PASSWORD", "gradlab"));
        env.put("BASE_PORT", Integer.toString(freePort(3)));
        env.put("GRADLAB_TWO_REPLICAS_TIMEOUT", "600");
        Path log = ROOT.resolve("target/two-replicas.log");
        builder.redirectOutput(log.toFile());
        Process script = builder.start();
        boolean done = script.waitFor(11, TimeUnit.MINUTES);
        if (!done) {
            script.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("the script stopped by itself:%n%s", output).isTrue();
        assertThat(script.exitValue()).as("deploy/two-replicas.sh:%n%s", output).isZero();
        assertThat(output).contains("saved on A is served by B").contains("OK: the pinned session keeps working");
    }

    private static String waitForHealth(HttpClient http, int port, Process app, Path log) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            assertThat(app.isAlive())
                    .as("the app is running:%n%s", Files.readString(log, StandardCharsets.UTF_8))
                    .isTrue();
            try {
                HttpResponse<String> health = get(http, port, "/actuator/health");
                if (health.statusCode() == 200) {
                    return health.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no healthy answer within 4 minutes:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the image's system user if it is missing; false when that is not possible here. */
    private static boolean ensureUser(String name) throws Exception {
        if (run("id", "-u", name) == 0) {
            return true;
        }
        return run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name) == 0;
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port whose next {@code count - 1} neighbours are free as well (the script takes three in a row). */
    private static int freePort(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 20000);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                try (ServerSocket socket = new ServerSocket(base + i)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + count + " free ports in a row");
    }
}
