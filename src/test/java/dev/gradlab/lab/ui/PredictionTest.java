package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.lab.ui.Prediction.Quantity;
import dev.gradlab.lab.ui.Prediction.Target;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Predict first's rule for a right guess, what a target reads from a step, and the run the charts may draw. */
class PredictionTest {

    private static final Target THETA = new Target("theta", 0, "", Quantity.VALUE);

    @Test
    void a_guess_within_a_tenth_of_a_percent_of_the_value_is_right() {
        // 0.1 % of 8 is 0.008
        assertThat(Prediction.close(8, 8.0)).isTrue();
        assertThat(Prediction.close(8.007, 8.0)).isTrue();
        assertThat(Prediction.close(7.993, 8.0)).isTrue();
        assertThat(Prediction.close(8.009, 8.0)).isFalse();
        assertThat(Prediction.close(7, 8.0)).isFalse();
        // 0.1 % of −1000 is 1
        assertThat(Prediction.close(-1000.9, -1000.0)).isTrue();
        assertThat(Prediction.close(-1001.1, -1000.0)).isFalse();
    }

    @Test
    void near_zero_a_guess_within_a_thousandth_is_right() {
        assertThat(Prediction.close(0.0009, 0.0)).isTrue();
        assertThat(Prediction.close(0.0011, 0.0)).isFalse();
        // ⅓ = 0.33333…: 0.3333 is 0.0000333 away, 0.33 is 0.00333 away
        assertThat(Prediction.close(0.3333, 1.0 / 3)).isTrue();
        assertThat(Prediction.close(0.33, 1.0 / 3)).isFalse();
        assertThat(Prediction.close(-0.5, -0.5004)).isTrue();
    }

    @Test
    void no_guess_is_right_for_a_buffer_that_is_none_or_a_value_that_is_not_finite() {
        assertThat(Prediction.close(0, null)).isFalse();
        assertThat(Prediction.close(0, Double.NaN)).isFalse();
        assertThat(Prediction.close(1e308, Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void a_skip_is_neither_right_nor_wrong_and_a_guess_is_right_only_when_close() {
        var skipped = new Prediction(1, GradientStrategy.ZEROED, THETA, null, 8.0);
        assertThat(skipped.skipped()).isTrue();
        assertThat(skipped.right()).isFalse();
        assertThat(new Prediction(1, GradientStrategy.ZEROED, THETA, 8.0, 8.0).right())
                .isTrue();
        assertThat(new Prediction(1, GradientStrategy.ZEROED, THETA, 7.0, 8.0).right())
                .isFalse();
    }

    @Test
    void a_target_reads_the_value_after_the_step_or_the_grad_and_none_stays_null() {
        // gd-by-hand, step 1 under zeroed: θ = 10 − 1 · 2 = 8, θ.grad = 2
        var grad = new HashMap<String, double[]>();
        grad.put("theta", new double[] {2});
        grad.put("w", null);
        var record = new StepRecord(
                1, 1, 1, null, grad, Map.of("theta", new double[] {2}), true, Map.of("theta", new double[] {8}));
        assertThat(THETA.in(record)).isEqualTo(8.0);
        assertThat(THETA.with(Quantity.GRAD).in(record)).isEqualTo(2.0);
        assertThat(new Target("w", 0, "[0]", Quantity.GRAD).in(record)).isNull();
        assertThat(THETA.with(Quantity.GRAD).name()).isEqualTo("theta.grad");
    }

    @Test
    void elements_are_named_with_pytorchs_row_major_index() {
        assertThat(Target.suffix(new int[] {}, 0)).isEmpty();
        assertThat(Target.suffix(new int[] {3}, 2)).isEqualTo("[2]");
        // a 2 × 3 matrix: element 5 is the last of row 1, element 3 the first of it
        assertThat(Target.suffix(new int[] {2, 3}, 5)).isEqualTo("[1, 2]");
        assertThat(Target.suffix(new int[] {2, 3}, 3)).isEqualTo("[1, 0]");
        var w = new Target("W1", 5, "[1, 2]", Quantity.GRAD);
        assertThat(w.name()).isEqualTo("W1.grad[1, 2]");
        var elements =
                PredictForm.elements(Map.of("W1", new TensorData(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6})));
        assertThat(elements).hasSize(6);
        assertThat(elements.get(4).param() + elements.get(4).suffix()).isEqualTo("W1[1, 1]");
    }

    @Test
    void the_charts_get_the_run_only_as_far_as_the_last_revealed_step() {
        Scenario gd = BuiltInScenarios.find("gd-by-hand").orElseThrow();
        RunResult full = new Runner().run(gd, List.of(GradientStrategy.ZEROED));
        var two = PredictFirst.upTo(full, 2);
        // θ = 10, η = 1, gradients 2 and 1: 10 − 2 = 8, then 8 − 1 = 7
        assertThat(two.runs().get(0).steps()).extracting(StepRecord::step).containsExactly(1, 2);
        assertThat(two.runs().get(0).steps())
                .extracting(r -> r.params().get("theta")[0])
                .containsExactly(8.0, 7.0);
        assertThat(PredictFirst.upTo(full, 0).runs().get(0).steps()).isEmpty();

        var diverging = new RunResult(
                gd,
                List.of(new StrategyRun(
                        GradientStrategy.ZEROED, full.runs().get(0).steps(), 3)));
        assertThat(PredictFirst.upTo(diverging, 2).runs().get(0).diverged())
                .as("diverged at step 3, not shown yet")
                .isNull();
        assertThat(PredictFirst.upTo(diverging, 3).runs().get(0).diverged()).isEqualTo(3);
    }
}
