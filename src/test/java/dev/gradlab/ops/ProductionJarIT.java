package dev.gradlab.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.gradlab.BrowserTest;
import dev.gradlab.ChromiumCondition;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
    private static final int IDLE_SESSIONS = 12;

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

    /**
     * What an idle student costs the production server: students each in a browser session of their own open a stepped
     * Lab page and leave it; the server's used heap after full collections (jcmd), before and after, per session.
     * On a phone the settings panel is folded (its fields are not built), on a desktop it is open. A stepped page has
     * nothing to push, so it opens no push WebSocket (with its buffers, about 0.16 MB on Tomcat). The browsers' idle
     * keep-alive connections are a connection's cost, not a session's, so they are closed after 1 s here.
     */
    @Test
    @ExtendWith(ChromiumCondition.class)
    void an_idle_lab_session_keeps_at_most_half_a_megabyte_and_opens_no_push_connection(@TempDir Path data)
            throws Exception {
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + port,
                        "--gradlab.data-dir=" + data,
                        "--server.tomcat.keep-alive-timeout=1s")
                .directory(data.toFile());
        builder.environment().put("GRADLAB_ADMIN_PASSWORD", "image-admin-password");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process app = builder.start();
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = BrowserTest.launchChromium(playwright)) {
            waitForHealth(HttpClient.newHttpClient(), port, app, log);
            List<String> pushSockets = new ArrayList<>();
            openLab(browser, port, BrowserTest.DESKTOP_WIDTH, pushSockets).close(); // classes and caches warmed
            for (int width : new int[] {BrowserTest.PHONE_WIDTH, BrowserTest.DESKTOP_WIDTH}) {
                long before = usedHeap(app.pid());
                List<BrowserContext> students = new ArrayList<>();
                try {
                    for (int i = 0; i < IDLE_SESSIONS; i++) {
                        students.add(openLab(browser, port, width, pushSockets));
                    }
                    Thread.sleep(2_000); // the idle keep-alive connections close (above)
                    long after = usedHeap(app.pid());
                    double perSession = (after - before) / (double) IDLE_SESSIONS / (1024 * 1024);
                    System.out.printf(
                            "production jar: retained per idle /lab/gd-by-hand session at %d px: %.3f MB"
                                    + " (heap %d -> %d bytes, %d sessions)%n",
                            width, perSession, before, after, IDLE_SESSIONS);
                    assertThat(pushSockets)
                            .as("push connections of a stepped Lab page")
                            .isEmpty();
                    assertThat(perSession)
                            .as("MB per idle Lab session at %d px", width)
                            .isLessThanOrEqualTo(0.5);
                } finally {
                    students.forEach(BrowserContext::close);
                }
            }
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** A new browser session on /lab/gd-by-hand at {@code width}, once its page is drawn and Flow is idle. */
    private static BrowserContext openLab(Browser browser, int port, int width, List<String> pushSockets) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 800));
        context.setDefaultTimeout(60_000);
        Page tab = context.newPage();
        tab.onWebSocket(ws -> {
            if (ws.url().contains("v-r=push")) {
                pushSockets.add(ws.url());
            }
        });
        tab.navigate("http://localhost:" + port + "/lab/gd-by-hand");
        tab.locator("#step-forward").waitFor();
        tab.waitForFunction("() => window.Vaadin && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        return context;
    }

    /** The JVM's used heap after two full collections, as {@code jcmd} reports it. */
    private static long usedHeap(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String info = "";
        for (String command : List.of("GC.run", "GC.run", "GC.heap_info")) {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        assertThat(used.find()).as("jcmd GC.heap_info: %s", info).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
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
