package dev.gradlab.classroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.ChildApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, "Across replicas": two real app instances (child JVMs on the main classes and libraries) on one fresh
 * PostgreSQL database. The instructor works through the HTTP API on A; a student on a phone-sized Chromium page on
 * B joins, sees the step A set within a second (server push carried by {@code LISTEN/NOTIFY}), and answers a number
 * question; A's {@code GET /api/classes/{code}} counts the answer. Skipped with one line without PostgreSQL
 * ({@link PostgresConfigured}), without {@code /usr/bin/chromium}, or while the app has no class API (404).
 */
@ExtendWith(PostgresConfigured.class)
class TwoReplicasIT {

    static final String ADMIN_PASSWORD = "replicas-admin-pw";
    static final Path CHROMIUM = Path.of(System.getProperty("gradlab.chromium", "/usr/bin/chromium"));
    /** Where the student's page shows the class's current step (the classroom's student view sets this id). */
    static final String STEP_SELECTOR = "#class-step";

    private static final Pattern FIRST_NUMBER_IS_2 = Pattern.compile("^\\D*2(\\D.*)?$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String database =
            "gl_replicas_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final List<Replica> replicas = new ArrayList<>();

    @AfterEach
    void stopAndDrop() throws Exception {
        for (Replica r : replicas) {
            r.stop();
        }
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void a_student_on_replica_b_follows_the_step_set_on_a_and_a_counts_the_answer_given_on_b() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "two-replica test skipped: " + CHROMIUM + " not found");
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        Replica a = start("A");
        HttpResponse<String> instructor = call(
                a,
                "POST",
                "/api/users",
                "admin",
                ADMIN_PASSWORD,
                "{\"username\": \"ines\", \"password\": \"ines-pw-123\"}");
        assertThat(instructor.statusCode()).as(instructor.body()).isEqualTo(201);
        HttpResponse<String> created = call(
                a,
                "POST",
                "/api/classes",
                "ines",
                "ines-pw-123",
                "{\"scenario\": \"gd-by-hand\", \"pace\": \"instructor\"}");
        assumeTrue(
                created.statusCode() != 404,
                "two-replica test skipped: this build has no class API (POST /api/classes gave 404)");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode klass = JSON.readTree(created.body());
        String code = klass.path("code").asText();
        String joinUrl = klass.path("url").asText();
        assertThat(joinUrl).isEqualTo("/join/" + code);

        Replica b = start("B");
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(CHROMIUM)
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--headless",
                                        "--disable-gpu",
                                        "--disable-quic",
                                        "--no-first-run",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync",
                                        "--disable-dev-shm-usage")))) {
            PlaywrightAssertions.setDefaultAssertionTimeout(60_000); // the first page may build the dev bundle
            Page student = browser.newContext(
                            new Browser.NewContextOptions().setLocale("en-US").setViewportSize(375, 800))
                    .newPage();
            student.setDefaultTimeout(60_000);
            student.navigate(b.uri(joinUrl).toString());
            Locator codeField = student.getByLabel("Class code");
            PlaywrightAssertions.assertThat(codeField).isVisible();
            if (codeField.inputValue().isBlank()) {
                codeField.fill(code);
            }
            student.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join"))
                    .click();
            Locator step = student.locator(STEP_SELECTOR);
            PlaywrightAssertions.assertThat(step).isVisible();
            Path shots = Paths.get("target", "screenshots");
            Files.createDirectories(shots);
            student.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("replica-b-joined.png")));

            HttpResponse<String> stepped =
                    call(a, "POST", "/api/classes/" + code + "/step", "ines", "ines-pw-123", "{\"step\": 2}");
            assertThat(stepped.statusCode()).as(stepped.body()).isEqualTo(200);
            // "Step 2 of 5" / "第 2 步，共 5 步": the first number on it is the class's step
            // "Step 2 of 5" / "第 2 步，共 5 步": the first number on it is the class's step. Waits up to 15 s so that a
            // late step and a lost one fail differently.
            long sent = System.nanoTime();
            PlaywrightAssertions.assertThat(step)
                    .hasText(FIRST_NUMBER_IS_2, new LocatorAssertions.HasTextOptions().setTimeout(15_000));
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(millis)
                    .as("the step reached B's page after %d ms; replica logs:\n%s\n%s", millis, a.tail(), b.tail())
                    .isLessThanOrEqualTo(1000);

            HttpResponse<String> posed = call(
                    a,
                    "POST",
                    "/api/classes/" + code + "/questions",
                    "ines",
                    "ines-pw-123",
                    "{\"kind\": \"number\", \"step\": 2, \"strategy\": \"summed\", \"param\": \"theta\", \"index\": 0}");
            assertThat(posed.statusCode()).as(posed.body()).isEqualTo(201);
            Locator prediction = student.getByLabel("Your prediction");
            PlaywrightAssertions.assertThat(prediction)
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
            prediction.fill("1.5");
            student.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                    .click();
            student.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("replica-b-answered.png")));

            JsonNode state = awaitAnswers(a, code, 1, 5000);
            assertThat(state.path("students").asInt()).isEqualTo(1);
            assertThat(state.path("step").asInt()).isEqualTo(2);
            assertThat(state.path("questions").get(0).path("answered").asInt()).isEqualTo(1);
        }
    }

    private JsonNode awaitAnswers(Replica r, String code, int answered, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        JsonNode state;
        do {
            HttpResponse<String> got = call(r, "GET", "/api/classes/" + code, "ines", "ines-pw-123", null);
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
            state = JSON.readTree(got.body());
            JsonNode questions = state.path("questions");
            if (questions.size() > 0 && questions.get(0).path("answered").asInt() >= answered) {
                return state;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return state;
    }

    private HttpResponse<String> call(
            Replica r, String method, String path, String user, String password, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(r.uri(path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection(
                PostgresConfigured.URL, PostgresConfigured.USER, PostgresConfigured.PASSWORD);
    }

    /** The test database's URL: the configured one with its database name replaced (query parameters kept). */
    private String databaseUrl() {
        String url = Objects.requireNonNull(PostgresConfigured.URL);
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private Replica start(String name) throws Exception {
        Replica r = Replica.start(name, databaseUrl());
        replicas.add(r);
        return r;
    }

    /** One app instance in a child JVM: main classes and libraries only, on a free port, on the shared database. */
    record Replica(String name, Process process, int port, StringBuffer log) {

        static Replica start(String name, String databaseUrl) throws Exception {
            StringBuffer log = new StringBuffer();
            ChildApp app = ChildApp.start(
                    "replica " + name,
                    ADMIN_PASSWORD,
                    log,
                    List.of(
                            "--spring.datasource.url=" + databaseUrl,
                            "--spring.datasource.username=" + PostgresConfigured.USER,
                            "--spring.datasource.password=" + PostgresConfigured.PASSWORD,
                            "--vaadin.launch-browser=false",
                            "--vaadin.devmode.devTools.enabled=false"));
            return new Replica(name, app.process(), app.port(), log);
        }

        /** The log lines worth reading after a failure: warnings, errors and the class events' own. */
        String tail() {
            return "--- replica " + name + ":\n"
                    + log.toString()
                            .lines()
                            .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("class"))
                            .collect(Collectors.joining("\n"));
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
