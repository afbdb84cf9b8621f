package dev.gradlab.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SGD against numbers worked out by hand from PyTorch's documented update (p = [1, 2], g = [0.5, −1]). */
class SgdTest {

    private static final double EPS = 1e-12;

    private static Tensor param() {
        return Tensor.vector(1, 2).requiresGrad_(true);
    }

    private static void setGrad(Tensor p, double... g) {
        p.setGrad(Tensor.vector(g));
    }

    @Test
    void plain_sgd_subtracts_lr_times_grad() {
        Tensor p = param();
        setGrad(p, 0.5, -1);
        new Sgd(List.of(p), 0.1).step();
        assertThat(p.get(0)).isCloseTo(0.95, within(EPS));
        assertThat(p.get(1)).isCloseTo(2.1, within(EPS));
    }

    @Test
    void momentum_starts_from_the_gradient_then_accumulates() {
        Tensor p = param();
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, 0, false);
        setGrad(p, 0.5, -1);
        sgd.step(); // buf = g → p = [0.95, 2.1]
        sgd.step(); // buf = 0.9·g + g = [0.95, −1.9] → p = [0.855, 2.29]
        assertThat(p.get(0)).isCloseTo(0.855, within(EPS));
        assertThat(p.get(1)).isCloseTo(2.29, within(EPS));
    }

    @Test
    void a_zero_grad_still_steps_and_momentum_keeps_moving() {
        Tensor p = param();
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, 0, false);
        setGrad(p, 0.5, -1);
        sgd.step();
        sgd.zeroGrad(false); // grad = [0, 0]: buf = 0.9·[0.5, −1] → p = [0.95 − 0.045, 2.1 + 0.09]
        sgd.step();
        assertThat(p.get(0)).isCloseTo(0.905, within(EPS));
        assertThat(p.get(1)).isCloseTo(2.19, within(EPS));
    }

    @Test
    void a_null_grad_is_skipped_and_momentum_does_not_move() {
        Tensor p = param();
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, 0, false);
        setGrad(p, 0.5, -1);
        sgd.step();
        sgd.zeroGrad(true);
        sgd.step();
        assertThat(p.get(0)).isCloseTo(0.95, within(EPS));
        assertThat(p.get(1)).isCloseTo(2.1, within(EPS));
    }

    @Test
    void weight_decay_adds_lambda_times_p_to_the_gradient() {
        Tensor p = param();
        setGrad(p, 0.5, -1);
        new Sgd(List.of(p), 0.1, 0, 0, 0.1, false).step(); // d = [0.6, −0.8]
        assertThat(p.get(0)).isCloseTo(0.94, within(EPS));
        assertThat(p.get(1)).isCloseTo(2.08, within(EPS));
    }

    @Test
    void dampening_scales_the_new_gradient_in_the_buffer() {
        Tensor p = param();
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0.5, 0, false);
        setGrad(p, 0.5, -1);
        sgd.step(); // first step: buf = g (no dampening) → [0.95, 2.1]
        sgd.step(); // buf = 0.9·g + 0.5·g = 1.4·g → p − 0.14·g
        assertThat(p.get(0)).isCloseTo(0.88, within(EPS));
        assertThat(p.get(1)).isCloseTo(2.24, within(EPS));
    }

    @Test
    void nesterov_looks_ahead_along_the_buffer() {
        Tensor p = param();
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, 0, true);
        setGrad(p, 0.5, -1);
        sgd.step(); // d = g + 0.9·g = 1.9·g
        sgd.step(); // buf = 1.9·g, d = g + 0.9·1.9·g = 2.71·g
        assertThat(p.get(0)).isCloseTo(1 - 0.1 * 1.9 * 0.5 - 0.1 * 2.71 * 0.5, within(EPS));
        assertThat(p.get(1)).isCloseTo(2 + 0.1 * 1.9 + 0.1 * 2.71, within(EPS));
    }

    @Test
    void step_with_handed_in_gradients_uses_them_and_skips_nulls() {
        Tensor a = param();
        Tensor b = param();
        Sgd sgd = new Sgd(List.of(a, b), 1.0);
        sgd.step(p -> p == a ? Tensor.vector(1, 1) : null);
        assertThat(a.toArray()).containsExactly(0, 1);
        assertThat(b.toArray()).containsExactly(1, 2);
        assertThat(a.grad()).isNull();
    }

    @Test
    void a_gradient_of_the_wrong_shape_is_refused_with_both_shapes() {
        Tensor p = param();
        Sgd sgd = new Sgd(List.of(p), 1.0);
        assertThatThrownBy(() -> sgd.step(q -> Tensor.zeros(3)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[3]")
                .hasMessageContaining("[2]");
    }
}
