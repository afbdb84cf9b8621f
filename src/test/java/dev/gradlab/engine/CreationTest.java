package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CreationTest {

    @Test
    void factories_copy_their_input_and_report_shape_rank_and_size() {
        double[] values = {1, 2, 3, 4, 5, 6};
        Tensor m = Tensor.of(values, 2, 3);
        values[0] = 99;
        assertThat(m.get(0, 0)).isEqualTo(1);
        assertThat(m.shape()).containsExactly(2, 3);
        assertThat(m.dim()).isEqualTo(2);
        assertThat(m.numel()).isEqualTo(6);
        assertThat(m.get(1, 2)).isEqualTo(6);
        assertThat(m.toMatrix()).isEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(Tensor.scalar(7).shape()).isEmpty();
        assertThat(Tensor.scalar(7).item()).isEqualTo(7);
        assertThat(Tensor.zeros(2, 2).toArray()).containsExactly(0, 0, 0, 0);
        assertThat(Tensor.ones(3).toArray()).containsExactly(1, 1, 1);
        assertThat(Tensor.vector(1, 2).isLeaf()).isTrue();
        assertThat(Tensor.vector(1, 2).requiresGrad()).isFalse();
    }

    @Test
    void random_tensors_are_reproducible_from_the_seed_and_uniform_stays_in_range() {
        assertThat(Tensor.randn(new Random(7), 3, 2).toArray())
                .containsExactly(Tensor.randn(new Random(7), 3, 2).toArray());
        for (double v : Tensor.uniform(new Random(1), -0.5, 0.5, 1000).toArray()) {
            assertThat(v).isBetween(-0.5, 0.5);
        }
    }

    @Test
    void to_array_is_a_copy() {
        Tensor v = Tensor.vector(1, 2);
        v.toArray()[0] = 5;
        assertThat(v.get(0)).isEqualTo(1);
    }

    @Test
    void ragged_rows_and_negative_sizes_are_refused_clearly() {
        assertThatThrownBy(() -> Tensor.matrix(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> Tensor.zeros(2, -1))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2, -1]");
        assertThatThrownBy(() -> Tensor.vector(1, 2).toMatrix())
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2]");
    }

    @Test
    void set_grad_checks_the_shape_and_to_string_reads_like_pytorch() {
        Tensor x = Tensor.vector(1, 2).requiresGrad_(true);
        assertThatThrownBy(() -> x.setGrad(Tensor.zeros(3)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[3]")
                .hasMessageContaining("[2]");
        x.setGrad(Tensor.vector(0.5, 0.5));
        assertThat(x.grad().toArray()).containsExactly(0.5, 0.5);
        assertThat(x.mul(2.0).toString()).contains("grad_fn=<MulBackward0>");
        assertThat(x.toString()).contains("requires_grad=True");
    }
}
