package dev.gradlab.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.F;
import dev.gradlab.engine.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModuleTest {

    @Test
    void linear_weights_start_uniform_within_one_over_sqrt_in() {
        Linear layer = new Linear(16, 4, new Random(1));
        assertThat(layer.weight().shape()).containsExactly(4, 16);
        assertThat(layer.bias().shape()).containsExactly(4);
        for (Tensor p : layer.parameters()) {
            assertThat(p.requiresGrad()).isTrue();
            for (double v : p.toArray()) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(0.25);
            }
        }
    }

    @Test
    void linear_computes_x_times_w_transposed_plus_b_and_its_gradients() {
        Linear layer = new Linear(2, 1, new Random(1));
        try (var off = Autograd.noGrad()) {
            layer.weight().copy_(Tensor.matrix(new double[][] {{2, -1}}));
            layer.bias().copy_(Tensor.vector(0.5));
        }
        Tensor x = Tensor.matrix(new double[][] {{1, 3}, {4, 1}});
        Tensor y = layer.forward(x); // [2·1 − 3 + 0.5, 2·4 − 1 + 0.5]
        assertThat(y.toArray()).containsExactly(-0.5, 7.5);
        assertThat(y.gradFn()).isEqualTo("AddmmBackward0");
        y.sum().backward(); // ∂W = Σ rows of x, ∂b = batch size
        assertThat(layer.weight().grad().toArray()).containsExactly(5, 4);
        assertThat(layer.bias().grad().toArray()).containsExactly(2);
    }

    @Test
    void sequential_names_parameters_like_pytorch_and_train_eval_reach_every_layer() {
        Sequential net = Mlp.of(new int[] {2, 3, 1}, "tanh", 0.5, new Random(2));
        assertThat(net.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "3.weight", "3.bias");
        assertThat(net.get(1)).isInstanceOf(Tanh.class);
        assertThat(net.get(2)).isInstanceOf(Dropout.class);
        assertThat(net.isTraining()).isTrue();
        net.eval();
        assertThat(net.layers()).allMatch(m -> !m.isTraining());
        net.train();
        assertThat(net.get(2).isTraining()).isTrue();
    }

    @Test
    void mlp_without_dropout_alternates_linear_and_activation() {
        Sequential net = Mlp.of(new int[] {784, 128, 10}, "relu", 0, new Random(3));
        assertThat(net.size()).isEqualTo(3);
        assertThat(net.get(1)).isInstanceOf(ReLU.class);
        assertThat(net.forward(Tensor.zeros(5, 784)).shape()).containsExactly(5, 10);
        assertThatThrownBy(() -> Mlp.of(new int[] {2, 2}, "swish", 0, new Random(1)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("swish");
    }

    @Test
    void module_zero_grad_clears_every_parameter() {
        Sequential net = Mlp.of(new int[] {2, 3, 1}, "relu", 0, new Random(2));
        net.forward(Tensor.ones(4, 2)).sum().backward();
        net.zeroGrad(true);
        assertThat(net.parameters()).allMatch(p -> p.grad() == null);
    }

    @Test
    void dropout_in_training_zeroes_about_p_and_scales_survivors_by_one_over_one_minus_p() {
        Dropout drop = new Dropout(0.25, new Random(4));
        Tensor x = Tensor.ones(10_000).requiresGrad_(true);
        Tensor y = drop.forward(x);
        int zeros = 0;
        for (double v : y.toArray()) {
            if (v == 0) {
                zeros++;
            } else {
                assertThat(v).isCloseTo(1 / 0.75, within(1e-15));
            }
        }
        assertThat(zeros / 10_000.0).isCloseTo(0.25, within(0.02));
        y.sum().backward(); // the gradient is the mask itself
        assertThat(x.grad().toArray()).containsExactly(y.toArray());
    }

    @Test
    void eval_mode_and_no_grad_are_different_switches() {
        Sequential net = Mlp.of(new int[] {3, 50, 2}, "relu", 0.5, new Random(6));
        Tensor x = Tensor.ones(4, 3);
        net.eval();
        Tensor evalOut = net.forward(x);
        assertThat(evalOut.requiresGrad()).isTrue(); // eval() still records a graph
        assertThat(net.forward(x).toArray()).containsExactly(evalOut.toArray()); // and is deterministic
        net.train();
        try (var off = Autograd.noGrad()) {
            Tensor trainOut = net.forward(x);
            assertThat(trainOut.requiresGrad()).isFalse(); // no-grad records nothing
            assertThat(trainOut.toArray()).isNotEqualTo(evalOut.toArray()); // but dropout is still on
        }
    }

    @Test
    void dropout_in_eval_mode_passes_the_input_through() {
        Dropout drop = new Dropout(0.5, new Random(4));
        drop.eval();
        Tensor x = Tensor.vector(1, 2, 3);
        assertThat(drop.forward(x).toArray()).containsExactly(1, 2, 3);
        assertThat(F.dropout(x, 0.5, false, new Random(1))).isSameAs(x);
    }
}
