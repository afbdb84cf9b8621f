package dev.gradlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.lab.train.TrainingService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The API's /run within {@code gradlab.run.deadline}: a run past it is a 422 with one line, not a 500 or a hang. */
class ScenarioRunsDeadlineTest {

    private static final String SLOW = """
            id: slow
            title: {en: "Slow"}
            kind: expression
            learningRate: 0.001
            strategies: [zeroed]
            params: {w: [1, 2, 3]}
            data: {x: [1, 2, 3]}
            loss: "sum((x * w)^2)"
            epochs: 3000
            batchSize: 1
            """;

    @Test
    void a_run_past_the_deadline_is_refused_with_one_line_and_status_422() {
        try (TrainingService training =
                new TrainingService(1, 10, 2, 4, Duration.ofMinutes(1), Duration.ofMinutes(5))) {
            ScenarioRuns runs = new ScenarioRuns(training, "0.000001");
            assertThatThrownBy(() -> runs.runJson(SLOW)).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                assertThat(e.getMessage())
                        .isEqualTo("scenario.yaml: cancelled: the run took longer than its deadline of 0.000001 s");
            });
            // the same text within the default deadline runs: 3000 epochs × 3 batches of one point = 9,000 steps,
            // within the 10,000-batch limit
            assertThat(new ScenarioRuns(training, "").runJson(SLOW)).contains("\"strategy\"");
        }
    }
}
