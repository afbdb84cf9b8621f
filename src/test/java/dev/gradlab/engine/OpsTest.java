package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Forward values and a few gradients worked out by hand (issue 2, item 8). */
class OpsTest {

    private static final double EPS = 1e-15;

    @Test
    void relu_zeroes_negatives_and_keeps_nan_as_torch_does() {
        // torch.relu(torch.tensor([-2., -0., 0., 3., nan])) gives [0, -0, 0, 3, nan] (-0 == 0)
        double[] y = Tensor.vector(-2, -0.0, 0, 3, Double.NaN).relu().toArray();
        assertThat(y[0]).isZero();
        assertThat(y[1]).isZero();
        assertThat(y[2]).isZero();
        assertThat(y[3]).isEqualTo(3.0);
        assertThat(y[4]).isNaN();
    }

    @Test
    void a_row_broadcasts_over_a_matrix_and_its_gradient_sums_over_rows() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}}).requiresGrad_(true);
        Tensor r = Tensor.vector(10, 20).requiresGrad_(true);
        Tensor y = m.add(r);
        assertThat(y.toMatrix()).isEqualTo(new double[][] {{11, 22}, {13, 24}});
        y.sum().backward();
        assertThat(r.grad().toArray()).containsExactly(2, 2);
        assertThat(m.grad().toArray()).containsExactly(1, 1, 1, 1);
    }

    @Test
    void a_column_broadcasts_over_a_matrix() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor c = Tensor.matrix(new double[][] {{10}, {20}}).requiresGrad_(true);
        Tensor y = m.mul(c);
        assertThat(y.toMatrix()).isEqualTo(new double[][] {{10, 20}, {60, 80}});
        y.sum().backward(); // ∂c_i = Σ_j m_ij
        assertThat(c.grad().toArray()).containsExactly(3, 7);
        assertThat(c.grad().shape()).containsExactly(2, 1);
    }

    @Test
    void a_scalar_tensor_broadcasts_and_collects_the_whole_gradient() {
        Tensor s = Tensor.scalar(2).requiresGrad_(true);
        Tensor v = Tensor.vector(1, 2, 3);
        s.mul(v).sum().backward();
        assertThat(s.grad().item()).isEqualTo(6);
        assertThat(s.grad().shape()).isEmpty();
    }

    @Test
    void matmul_multiplies_rows_by_columns() {
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}}).requiresGrad_(true);
        Tensor b = Tensor.matrix(new double[][] {{5, 6}, {7, 8}}).requiresGrad_(true);
        Tensor c = a.matmul(b);
        assertThat(c.toMatrix()).isEqualTo(new double[][] {{19, 22}, {43, 50}});
        c.sum().backward(); // ∂a = 1·bᵀ: row sums of b; ∂b = aᵀ·1: column sums of a
        assertThat(a.grad().toArray()).containsExactly(11, 15, 11, 15);
        assertThat(b.grad().toArray()).containsExactly(4, 4, 6, 6);
    }

    @Test
    void matmul_with_vectors_follows_torch_matmul() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor v = Tensor.vector(1, -1);
        assertThat(v.matmul(m).toArray()).containsExactly(-2, -2);
        assertThat(m.matmul(v).toArray()).containsExactly(-1, -1);
        assertThat(v.matmul(v).shape()).isEmpty();
        assertThat(v.matmul(v).item()).isEqualTo(2);
        assertThatThrownBy(() -> v.matmul(Tensor.zeros(3, 2)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2]")
                .hasMessageContaining("[3, 2]");
    }

    @Test
    void softmax_of_zero_and_ln3_is_a_quarter_and_three_quarters() {
        Tensor p = Tensor.matrix(new double[][] {{0, Math.log(3)}}).softmax(1);
        assertThat(p.get(0, 0)).isCloseTo(0.25, within(EPS));
        assertThat(p.get(0, 1)).isCloseTo(0.75, within(EPS));
        Tensor lp = Tensor.vector(0, Math.log(3)).logSoftmax(0);
        assertThat(lp.get(1)).isCloseTo(Math.log(0.75), within(EPS));
    }

    @Test
    void softmax_and_cross_entropy_stay_finite_for_huge_logits() {
        Tensor logits =
                Tensor.matrix(new double[][] {{1000, 1000}, {-1000, 1000}}).requiresGrad_(true);
        assertThat(logits.softmax(1).toArray()).containsExactly(0.5, 0.5, 0, 1);
        Tensor loss = F.crossEntropy(logits, new int[] {0, 0});
        // −(ln ½ + (−2000)) / 2
        assertThat(loss.item()).isCloseTo((Math.log(2) + 2000) / 2, within(1e-9));
        loss.backward();
        assertThat(java.util.Arrays.stream(logits.grad().toArray()).allMatch(Double::isFinite))
                .isTrue();
    }

    @Test
    void cross_entropy_is_the_mean_negative_log_probability_of_the_label() {
        Tensor logits = Tensor.matrix(new double[][] {{0, Math.log(3)}, {Math.log(2), 0}})
                .requiresGrad_(true);
        Tensor loss = F.crossEntropy(logits, Tensor.vector(1, 1));
        assertThat(loss.item()).isCloseTo(-(Math.log(0.75) + Math.log(1.0 / 3)) / 2, within(EPS));
        assertThat(loss.gradFn()).isEqualTo("NllLossBackward0");
        loss.backward(); // (softmax − onehot) / N
        assertThat(logits.grad().toArray())
                .containsExactly(new double[] {0.125, -0.125, 1.0 / 3, -1.0 / 3}, within(1e-15));
    }

    @Test
    void mse_is_the_mean_of_squared_differences() {
        Tensor pred = Tensor.vector(1, 2, 4).requiresGrad_(true);
        Tensor loss = F.mse(pred, Tensor.vector(0, 2, 1));
        assertThat(loss.item()).isEqualTo((1 + 0 + 9) / 3.0);
        loss.backward(); // 2(p − t)/n
        assertThat(pred.grad().toArray()).containsExactly(new double[] {2.0 / 3, 0, 2.0}, within(EPS));
        assertThatThrownBy(() -> F.mse(Tensor.zeros(3, 1), Tensor.zeros(3)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[3, 1]")
                .hasMessageContaining("[3]");
    }

    @Test
    void max_shares_the_gradient_among_ties_while_max_dim_gives_it_to_the_first() {
        Tensor x = Tensor.vector(1, 3, 3).requiresGrad_(true);
        x.max().backward();
        assertThat(x.grad().toArray()).containsExactly(0, 0.5, 0.5);
        Tensor m = Tensor.matrix(new double[][] {{1, 3, 3}, {5, 0, 2}}).requiresGrad_(true);
        Tensor mx = m.max(1);
        assertThat(mx.toArray()).containsExactly(3, 5);
        mx.sum().backward();
        assertThat(m.grad().toArray()).containsExactly(0, 1, 0, 1, 0, 0);
        assertThat(m.argmax(1).toArray()).containsExactly(1, 0);
        assertThat(m.argmax(0).toArray()).containsExactly(1, 0, 0);
        assertThat(m.argmax(1).requiresGrad()).isFalse();
    }

    @Test
    void mean_and_sum_along_a_dim() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.sum(0).toArray()).containsExactly(5, 7, 9);
        assertThat(m.sum(1).toArray()).containsExactly(6, 15);
        assertThat(m.mean(1).toArray()).containsExactly(2, 5);
        assertThat(m.mean(0, true).shape()).containsExactly(1, 3);
        assertThat(m.mean().item()).isEqualTo(3.5);
    }

    @Test
    void shape_ops_move_values_and_route_gradients_back() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad_(true);
        assertThat(m.t().toMatrix()).isEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(m.reshape(3, -1).shape()).containsExactly(3, 2);
        assertThat(m.view(6).toArray()).containsExactly(1, 2, 3, 4, 5, 6);
        Tensor r = m.row(1);
        assertThat(r.toArray()).containsExactly(4, 5, 6);
        r.mul(Tensor.vector(1, 2, 3)).sum().backward();
        assertThat(m.grad().toArray()).containsExactly(0, 0, 0, 1, 2, 3);
        assertThatThrownBy(() -> m.reshape(4, 2))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[4, 2]")
                .hasMessageContaining("[2, 3]");
    }

    @Test
    void elementwise_functions_by_hand() {
        Tensor x = Tensor.vector(-2, 0.5, 4);
        assertThat(x.relu().toArray()).containsExactly(0, 0.5, 4);
        assertThat(x.abs().toArray()).containsExactly(2, 0.5, 4);
        assertThat(x.neg().toArray()).containsExactly(2, -0.5, -4);
        assertThat(x.rsub(1).toArray()).containsExactly(3, 0.5, -3);
        assertThat(x.rdiv(1).toArray()).containsExactly(-0.5, 2, 0.25);
        assertThat(Tensor.vector(0).sigmoid().item()).isEqualTo(0.5);
        assertThat(Tensor.vector(4, 9).sqrt().toArray()).containsExactly(2, 3);
        assertThat(Tensor.vector(2).pow(Tensor.vector(3)).item()).isEqualTo(8);
    }

    @Test
    void cross_entropy_rejects_bad_labels_clearly() {
        Tensor logits = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> F.crossEntropy(logits, new int[] {0, 3}))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("label 3");
        assertThatThrownBy(() -> F.crossEntropy(logits, Tensor.vector(0, 1.5)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> F.crossEntropy(logits, new int[] {0}))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2, 3]");
    }
}
