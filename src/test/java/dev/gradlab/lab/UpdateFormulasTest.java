package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.lab.UpdateFormulas.Formula;
import dev.gradlab.lab.UpdateFormulas.StepValues;
import dev.gradlab.scenario.GradientStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** θ(0) = 10, η = 1, batch gradients 2, 1, −1: every expected value below is worked out by hand in the comments. */
class UpdateFormulasTest {

    private static final List<Double> GRADS = List.of(2.0, 1.0, -1.0);

    private static List<String> latex(String strategy, StepValues... steps) {
        return UpdateFormulas.of("theta", 1, GradientStrategy.parse(strategy), 10, GRADS, List.of(steps)).stream()
                .map(Formula::latex)
                .toList();
    }

    @Test
    void summed_subtracts_the_sum_of_every_gradient_so_far() {
        // 10 − 2 = 8; 8 − (2 + 1) = 5; 5 − (2 + 1 − 1) = 3
        assertThat(latex(
                        "summed",
                        new StepValues(true, 2.0, 8),
                        new StepValues(true, 3.0, 5),
                        new StepValues(true, 2.0, 3)))
                .containsExactly(
                        "\\theta^{(1)} = 10 - 1 \\times 2 = 8",
                        "\\theta^{(2)} = 8 - 1 \\times (2 + 1) = 5",
                        "\\theta^{(3)} = 5 - 1 \\times (2 + 1 - 1) = 3");
    }

    @Test
    void zeroed_subtracts_only_this_batchs_gradient_and_brackets_a_negative_one() {
        // 10 − 2 = 8; 8 − 1 = 7; 7 − (−1) = 8
        assertThat(latex(
                        "zeroed",
                        new StepValues(true, 2.0, 8),
                        new StepValues(true, 1.0, 7),
                        new StepValues(true, -1.0, 8)))
                .containsExactly(
                        "\\theta^{(1)} = 10 - 1 \\times 2 = 8",
                        "\\theta^{(2)} = 8 - 1 \\times 1 = 7",
                        "\\theta^{(3)} = 7 - 1 \\times (-1) = 8");
    }

    @Test
    void averaged_divides_the_sum_by_the_number_of_batches_in_the_buffer() {
        // 10 − 2/1 = 8; 8 − 3/2 = 6.5; 6.5 − 2/3 = 5.8333…
        assertThat(latex(
                        "averaged",
                        new StepValues(true, 2.0, 8),
                        new StepValues(true, 1.5, 6.5),
                        new StepValues(true, 2.0 / 3, 6.5 - 2.0 / 3)))
                .containsExactly(
                        "\\theta^{(1)} = 10 - 1 \\times \\frac{2}{1} = 8",
                        "\\theta^{(2)} = 8 - 1 \\times \\frac{2 + 1}{2} = 6.5",
                        "\\theta^{(3)} = 6.5 - 1 \\times \\frac{2 + 1 - 1}{3} = 5.8333");
    }

    @Test
    void accumulate_two_steps_on_the_second_batch_and_on_the_last_one_with_only_its_window() {
        // batch 1: no step, θ stays 10; batch 2: 10 − (2 + 1)/2 = 8.5; batch 3 ends the epoch: 8.5 − (−1)/2 = 9
        assertThat(latex(
                        "accumulate-2",
                        new StepValues(false, null, 10),
                        new StepValues(true, 1.5, 8.5),
                        new StepValues(true, -0.5, 9)))
                .containsExactly(
                        "\\theta^{(1)} = \\theta^{(0)} = 10",
                        "\\theta^{(2)} = 10 - 1 \\times \\frac{2 + 1}{2} = 8.5",
                        "\\theta^{(3)} = 8.5 - 1 \\times \\frac{-1}{2} = 9");
    }

    @Test
    void the_formula_keeps_the_values_before_and_after_each_step() {
        var formulas = UpdateFormulas.of(
                "theta",
                1,
                GradientStrategy.parse("summed"),
                10,
                GRADS,
                List.of(new StepValues(true, 2.0, 8), new StepValues(true, 3.0, 5)));
        assertThat(formulas.get(1).before()).isEqualTo(8);
        assertThat(formulas.get(1).after()).isEqualTo(5);
    }

    @Test
    void numbers_keep_at_most_four_decimals_and_names_that_are_not_greek_stay_upright() {
        assertThat(UpdateFormulas.number(1.0 / 3)).isEqualTo("0.3333");
        assertThat(UpdateFormulas.number(-0.00001)).isEqualTo("0");
        assertThat(UpdateFormulas.symbol("w_1")).isEqualTo("\\mathrm{w\\_1}");
        assertThat(UpdateFormulas.symbol("theta")).isEqualTo("\\theta");
    }

    @Test
    void fewer_batch_gradients_than_steps_is_refused_with_both_counts() {
        assertThatThrownBy(() -> UpdateFormulas.of(
                        "theta",
                        1,
                        GradientStrategy.parse("summed"),
                        10,
                        List.of(2.0),
                        List.of(new StepValues(true, 2.0, 8), new StepValues(true, 2.0, 6))))
                .hasMessageContaining("2 steps")
                .hasMessageContaining("only 1");
    }
}
