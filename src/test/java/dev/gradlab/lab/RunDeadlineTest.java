package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunDeadlineTest {

    private static Scenario builtIn(String id) {
        return BuiltInScenarios.find(id).orElseThrow();
    }

    @Test
    void a_run_stops_at_the_first_step_after_it_is_cancelled() {
        AtomicInteger asked = new AtomicInteger();
        // the third check says stop: two steps were computed, the third is not
        RunDeadline deadline = RunDeadline.after(300, () -> asked.incrementAndGet() >= 3);
        assertThatThrownBy(() -> new Runner().run(builtIn("gd-by-hand"), deadline))
                .isInstanceOf(RunDeadlineException.class)
                .hasMessage("cancelled: the run took longer than its deadline of 300 s");
        assertThat(asked).hasValue(3);
    }

    @Test
    void a_run_past_its_deadline_is_stopped_and_a_run_within_it_is_not() throws InterruptedException {
        RunDeadline passed = RunDeadline.after(0.001);
        Thread.sleep(5);
        assertThatThrownBy(() -> new Runner().run(builtIn("gd-by-hand"), passed))
                .isInstanceOf(RunDeadlineException.class)
                .hasMessageContaining("deadline of 0.001 s");
        RunResult ok = new Runner().run(builtIn("gd-by-hand"), RunDeadline.after(300));
        assertThat(ok.runs().get(0).steps()).hasSize(3);
    }

    @Test
    void the_lab_service_stops_a_run_past_its_deadline_and_caches_nothing() {
        LabService tooShort = new LabService(1e-9);
        assertThatThrownBy(() -> tooShort.run(builtIn("linear-regression-batches")))
                .isInstanceOf(RunDeadlineException.class)
                .satisfies(e -> assertThat(((RunDeadlineException) e).seconds()).isEqualTo(1e-9));
        assertThatThrownBy(() -> tooShort.run(builtIn("linear-regression-batches")))
                .as("a second ask runs again rather than returning a cached failure or half a run")
                .isInstanceOf(RunDeadlineException.class);
        assertThat(new LabService().deadlineSeconds()).isEqualTo(300);
    }

    @Test
    void the_setting_is_a_number_of_seconds_with_a_one_line_refusal() {
        assertThat(RunDeadline.parseSeconds(null)).isEqualTo(300);
        assertThat(RunDeadline.parseSeconds(" 2.5 ")).isEqualTo(2.5);
        assertThatThrownBy(() -> RunDeadline.parseSeconds("-1"))
                .hasMessage("gradlab.run.deadline must be a number of seconds in (0, 86400], found '-1'");
        assertThatThrownBy(() -> RunDeadline.parseSeconds("9".repeat(100_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }
}
