package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.scenario.GradientStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFactsTest {

    @Test
    void the_grad_norm_is_the_l2_norm_over_every_buffer_and_none_counts_as_empty() {
        Map<String, double[]> grad = new LinkedHashMap<>();
        grad.put("w", new double[] {3});
        grad.put("b", new double[] {4});
        grad.put("c", null);
        var record = new StepRecord(1, 1, 1, null, grad, null, false, Map.of());
        assertThat(RunFacts.gradNorm(record)).isCloseTo(5, within(1e-12)); // √(9 + 16)
    }

    @Test
    void gd_by_hand_strategies_first_differ_at_step_two() {
        // step 1: every strategy applies 2 → θ = 8; step 2: zeroed 8 − 1 = 7, summed 8 − 3 = 5
        var lab = new LabService();
        var result = lab.run(lab.scenario("gd-by-hand").orElseThrow());
        assertThat(RunFacts.firstDivergence(result)).isEqualTo(2);
        assertThat(RunFacts.paramTrajectory(RunFacts.run(result, GradientStrategy.SUMMED), "theta", 0))
                .containsExactly(8, 5, 3);
    }

    @Test
    void a_single_run_never_diverges_from_itself() {
        var lab = new LabService();
        var s = lab.scenario("gd-by-hand").orElseThrow();
        assertThat(RunFacts.firstDivergence(lab.run(s, GradientStrategy.parseAll("summed"))))
                .isNull();
    }

    @Test
    void accumulate_two_waiting_at_step_one_is_not_reported_as_the_first_difference() {
        // gradients 2, 1, -1 from θ = 10, η = 1: zeroed 8, 7, 8; accumulate-2 waits at step 1 (θ = 10), then
        // 10 - (2 + 1) / 2 = 8.5 at step 2: the first step where both stepped and differ is step 2
        var lab = new LabService();
        var s = lab.scenario("gd-by-hand").orElseThrow();
        var result = lab.run(s, GradientStrategy.parseAll("zeroed", "accumulate-2"));
        assertThat(RunFacts.firstDivergence(result)).isEqualTo(1); // the artefact: parameters differ, one only waited
        assertThat(RunFacts.firstDifference(result))
                .isEqualTo(new RunFacts.Difference(
                        2,
                        GradientStrategy.ZEROED,
                        GradientStrategy.parseAll("accumulate-2").get(0)));
    }

    @Test
    void gd_by_hand_names_zeroed_and_summed_as_the_first_pair_to_differ_after_step_two() {
        var lab = new LabService();
        var result = lab.run(lab.scenario("gd-by-hand").orElseThrow());
        assertThat(RunFacts.firstDifference(result))
                .isEqualTo(new RunFacts.Difference(2, GradientStrategy.ZEROED, GradientStrategy.SUMMED));
    }
}
