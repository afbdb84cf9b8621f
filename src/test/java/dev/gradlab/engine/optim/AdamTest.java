package dev.gradlab.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adam against the textbook form of the update (Kingma & Ba): m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
 * p −= lr·m̂/(√v̂ + ε) — written here independently of the engine's PyTorch-ordered arithmetic.
 */
class AdamTest {

    private static final double LR = 0.1;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    /** The textbook trajectory of one scalar parameter for the given gradients. */
    private static double textbook(double p, double... grads) {
        double m = 0;
        double v = 0;
        for (int t = 1; t <= grads.length; t++) {
            m = B1 * m + (1 - B1) * grads[t - 1];
            v = B2 * v + (1 - B2) * grads[t - 1] * grads[t - 1];
            double mHat = m / (1 - Math.pow(B1, t));
            double vHat = v / (1 - Math.pow(B2, t));
            p -= LR * mHat / (Math.sqrt(vHat) + EPS);
        }
        return p;
    }

    @Test
    void the_first_step_moves_by_about_lr_thanks_to_bias_correction() {
        Tensor p = Tensor.vector(1.0).requiresGrad_(true);
        p.setGrad(Tensor.vector(0.5));
        new Adam(List.of(p), LR, B1, B2, EPS, 0).step();
        // m̂ = 0.5 and √v̂ = 0.5 exactly, so the step is lr·0.5/(0.5 + ε)
        assertThat(p.get(0)).isCloseTo(1 - LR * 0.5 / (0.5 + EPS), within(1e-13));
    }

    @Test
    void two_steps_follow_the_textbook_update() {
        Tensor p = Tensor.vector(1.0, -2.0).requiresGrad_(true);
        Adam adam = new Adam(List.of(p), LR, B1, B2, EPS, 0);
        p.setGrad(Tensor.vector(0.5, 3.0));
        adam.step();
        p.setGrad(Tensor.vector(-0.25, 1.0));
        adam.step();
        assertThat(p.get(0)).isCloseTo(textbook(1.0, 0.5, -0.25), within(1e-12));
        assertThat(p.get(1)).isCloseTo(textbook(-2.0, 3.0, 1.0), within(1e-12));
        assertThat(adam.stepCount(0)).isEqualTo(2);
    }

    @Test
    void a_zero_grad_still_steps_on_the_moving_averages() {
        Tensor p = Tensor.vector(1.0).requiresGrad_(true);
        Adam adam = new Adam(List.of(p), LR, B1, B2, EPS, 0);
        p.setGrad(Tensor.vector(0.5));
        adam.step();
        adam.zeroGrad(false);
        adam.step();
        assertThat(p.get(0)).isCloseTo(textbook(1.0, 0.5, 0.0), within(1e-12));
        assertThat(p.get(0)).isLessThan(1 - LR * 0.5 / (0.5 + EPS)); // it moved again
    }

    @Test
    void a_null_grad_is_skipped_and_does_not_count_as_a_step() {
        Tensor p = Tensor.vector(1.0).requiresGrad_(true);
        Adam adam = new Adam(List.of(p), LR, B1, B2, EPS, 0);
        p.setGrad(Tensor.vector(0.5));
        adam.step();
        adam.zeroGrad();
        adam.step();
        assertThat(p.get(0)).isCloseTo(textbook(1.0, 0.5), within(1e-13));
        assertThat(adam.stepCount(0)).isEqualTo(1);
    }

    @Test
    void weight_decay_is_added_to_the_gradient() {
        Tensor p = Tensor.vector(2.0).requiresGrad_(true);
        p.setGrad(Tensor.vector(0.5));
        new Adam(List.of(p), LR, B1, B2, EPS, 0.25).step();
        assertThat(p.get(0)).isCloseTo(textbook(2.0, 0.5 + 0.25 * 2.0), within(1e-13));
    }
}
