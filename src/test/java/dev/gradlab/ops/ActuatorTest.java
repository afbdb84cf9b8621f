package dev.gradlab.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.lab.LabService;
import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingListener;
import dev.gradlab.lab.train.TrainingRejectedException;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The actuator as a probe and Prometheus see it: over HTTP on the real server, anonymous, without a cookie. */
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gradlab.training.max-per-session=1", "gradlab.sessions.max=10"})
class ActuatorTest {

    @LocalServerPort
    int port;

    @Autowired
    TrainingService training;

    @Autowired
    LabService lab;

    @Autowired
    HealthEndpointGroups groups;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_liveness_and_readiness_are_up_and_open_no_session() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).startsWith("{\"status\":\"UP\"");
            assertThat(r.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
    }

    @Test
    void readiness_includes_the_database_and_liveness_does_not() {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).isFalse();
    }

    @Test
    void every_other_actuator_endpoint_is_not_found() throws Exception {
        for (String endpoint : new String[] {
            "env",
            "beans",
            "heapdump",
            "threaddump",
            "configprops",
            "mappings",
            "loggers",
            "metrics",
            "info",
            "shutdown",
            "health/db",
            "nothing"
        }) {
            HttpResponse<String> r = get("/actuator/" + endpoint);
            assertThat(r.statusCode()).as(endpoint).isEqualTo(404);
            assertThat(r.headers().firstValue("Set-Cookie")).as(endpoint).isEmpty();
        }
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/shutdown"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void the_probes_answer_even_when_the_class_is_full() throws Exception {
        // more cookieless page loads than gradlab.sessions.max = 10: new visitors get the polite 503 ...
        int refused = 0;
        for (int i = 0; i < 14; i++) {
            if (get("/lab/gd-by-hand").statusCode() == 503) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(0);
        // ... while the probe and the scrape still answer, and count the open sessions
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(value(get("/actuator/prometheus").body(), "gradlab_sessions_active"))
                .isGreaterThanOrEqualTo(10);
        assertThat(value(get("/actuator/prometheus").body(), "gradlab_sessions_max"))
                .isEqualTo(10);
    }

    @Test
    void prometheus_shows_gradlabs_meters_and_they_move_when_jobs_run_are_refused_and_cancelled() throws Exception {
        String before = get("/actuator/prometheus").body();
        double started = value(before, "gradlab_training_jobs_total{outcome=\"started\"}");
        double refused = value(before, "gradlab_training_jobs_total{outcome=\"refused\"}");
        double cancelled = value(before, "gradlab_training_jobs_total{outcome=\"cancelled\"}");
        double waits = value(before, "gradlab_training_wait_seconds_count");
        double renders = value(before, "gradlab_lab_step_renders_total");
        assertThat(before)
                .contains("gradlab_training_queue_length", "gradlab_training_running", "gradlab_sessions_active");

        ModelScenario spiral =
                (ModelScenario) BuiltInScenarios.find("spiral-mlp").orElseThrow();
        TrainingListener quiet = new TrainingListener() {};
        // one thread per core: fill them, then one more job waits in the queue
        int threads = training.threads();
        TrainingJob[] jobs = new TrainingJob[threads + 1];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = training.submit("actuator-test-" + i, spiral, quiet);
        }
        assertThatThrownBy(() -> training.submit("actuator-test-0", spiral, quiet))
                .isInstanceOf(TrainingRejectedException.class);
        lab.stepRendered();
        lab.stepRendered();

        String during = get("/actuator/prometheus").body();
        assertThat(value(during, "gradlab_training_queue_length")).isGreaterThanOrEqualTo(1);
        assertThat(value(during, "gradlab_training_jobs_total{outcome=\"refused\"}"))
                .isEqualTo(refused + 1);
        assertThat(value(during, "gradlab_training_jobs_total{outcome=\"started\"}"))
                .isEqualTo(started + threads);
        assertThat(value(during, "gradlab_lab_step_renders_total")).isEqualTo(renders + 2);

        jobs[0].cancel(); // frees a thread: the waiting job starts, after a measurable wait
        assertThat(jobs[0].awaitFinished(Duration.ofSeconds(30))).isTrue();
        for (TrainingJob job : jobs) {
            job.cancel();
        }
        for (TrainingJob job : jobs) {
            assertThat(job.awaitFinished(Duration.ofSeconds(30))).isTrue();
        }
        String after = get("/actuator/prometheus").body();
        double nowStarted = value(after, "gradlab_training_jobs_total{outcome=\"started\"}");
        assertThat(nowStarted).isBetween(started + threads, started + threads + 1);
        assertThat(value(after, "gradlab_training_jobs_total{outcome=\"cancelled\"}"))
                .isEqualTo(cancelled + jobs.length);
        assertThat(value(after, "gradlab_training_wait_seconds_count")).isEqualTo(waits + (nowStarted - started));
        assertThat(value(after, "gradlab_training_queue_length")).isZero();
    }

    /** The sample of {@code name} (with its labels, as Prometheus writes them) in the text format. */
    static double value(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(exposition);
        if (!name.contains("{")) {
            assertThat(m.find()).as(name + " in\n" + exposition).isTrue();
            return Double.parseDouble(m.group(1));
        }
        // labelled: Micrometer may add more labels (e.g. application); match by the ones given
        String metric = name.substring(0, name.indexOf('{'));
        String label = name.substring(name.indexOf('{') + 1, name.length() - 1);
        Matcher any = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} ([0-9.eE+-]+)$")
                .matcher(exposition);
        while (any.find()) {
            if (any.group(1).contains(label)) {
                return Double.parseDouble(any.group(2));
            }
        }
        throw new AssertionError(name + " not in\n" + exposition);
    }
}
