package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notebook's demo: x = [1, 2, 3], y = sum(x²), backward five times (issue 2, items 1, 2 and 10). */
class SeedExampleTest {

    @Test
    void grad_is_null_until_the_first_backward() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        assertThat(x.grad()).isNull();
        x.pow(2).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(2, 4, 6);
    }

    @Test
    void five_backward_calls_without_zeroing_give_2x_4x_6x_8x_10x() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        for (int k = 1; k <= 5; k++) {
            x.pow(2).sum().backward();
            // d(Σx²)/dx = 2x, added once per backward: after k calls the grad is 2k·x
            assertThat(x.grad().toArray()).containsExactly(2.0 * k * 1, 2.0 * k * 2, 2.0 * k * 3);
        }
    }

    @Test
    void five_backward_calls_with_zeroing_give_2x_every_time() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        for (int k = 1; k <= 5; k++) {
            x.pow(2).sum().backward();
            assertThat(x.grad().toArray()).containsExactly(2, 4, 6);
            x.zeroGrad(false);
            assertThat(x.grad().toArray()).containsExactly(0, 0, 0);
        }
    }

    @Test
    void the_notebooks_worked_example_theta_from_10_with_batch_gradients_2_1_minus_1() {
        double[] batchGradients = {2, 1, -1};
        // by hand, η = 1: zeroed 10 → 8 → 7 → 8; accumulated (sums 2, 3, 2) 10 → 8 → 5 → 3
        assertThat(train(batchGradients, true)).containsExactly(8, 7, 8);
        assertThat(train(batchGradients, false)).containsExactly(8, 5, 3);
    }

    /** θ after each batch, where batch b's loss is g_b·θ (so its gradient is g_b), SGD with η = 1. */
    private static double[] train(double[] batchGradients, boolean zeroGrad) {
        Tensor theta = Tensor.scalar(10).requiresGrad_(true);
        var sgd = new dev.gradlab.engine.optim.Sgd(java.util.List.of(theta), 1.0);
        double[] trajectory = new double[batchGradients.length];
        for (int b = 0; b < batchGradients.length; b++) {
            if (zeroGrad) {
                sgd.zeroGrad();
            }
            theta.mul(batchGradients[b]).backward();
            sgd.step();
            trajectory[b] = theta.item();
        }
        return trajectory;
    }

    @Test
    void the_mean_variant_gives_2x_over_3_per_call() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        x.pow(2).mean().backward();
        x.pow(2).mean().backward();
        assertThat(x.grad().toArray()).containsExactly(2 * 2.0 / 3, 2 * 4.0 / 3, 2 * 6.0 / 3);
    }

    @Test
    void backward_adds_into_grad_when_a_value_is_used_twice() {
        // the tinygrad lesson: y = x·x + x uses x three times; dy/dx = 2x + 1, which assignment would get wrong
        Tensor x = Tensor.scalar(3).requiresGrad_(true);
        x.mul(x).add(x).backward();
        assertThat(x.grad().item()).isEqualTo(7.0);
    }

    @Test
    void an_intermediate_used_twice_collects_both_contributions() {
        Tensor x = Tensor.vector(1, 2).requiresGrad_(true);
        Tensor h = x.mul(3.0); // h = 3x
        h.add(h.mul(h)).sum().backward(); // Σ (h + h²) → d/dx = 3 (1 + 2h) = 3 + 18x
        assertThat(x.grad().toArray()).containsExactly(21, 39);
    }

    @Test
    void zero_grad_with_set_to_none_drops_the_buffer() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        x.pow(2).sum().backward();
        x.zeroGrad(true);
        assertThat(x.grad()).isNull();
        x.pow(2).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(2, 4, 6);
    }

    @Test
    void a_held_grad_tensor_sees_later_accumulation_like_in_pytorch() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        x.pow(2).sum().backward();
        Tensor held = x.grad();
        x.pow(2).sum().backward();
        assertThat(held.toArray()).containsExactly(4, 8, 12);
    }
}
