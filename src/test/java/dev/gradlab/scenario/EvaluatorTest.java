package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.engine.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expressions evaluated with engine operations, against values worked out by hand. */
class EvaluatorTest {

    private final Map<String, Tensor> names = Map.of(
            "v", Tensor.vector(1, 2, 3),
            "M", Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}),
            "s", Tensor.scalar(-2));

    private double[] eval(String text) throws ExpressionException {
        return Expression.parse(text).evaluate(names).toArray();
    }

    private int[] shape(String text) throws ExpressionException {
        return Expression.parse(text).evaluate(names).shape();
    }

    @Test
    void arithmetic_follows_the_precedence_rules() throws Exception {
        assertThat(eval("-s^2")).containsExactly(-4); // −(s²), not (−s)²
        assertThat(eval("1 + 2 * 3 ^ 2")).containsExactly(19);
        assertThat(eval("2 ^ 3 ^ 2")).containsExactly(512); // 2^(3^2)
        assertThat(eval("v / 2 - 1")).containsExactly(-0.5, 0, 0.5);
        assertThat(eval("v ^ s")).containsExactly(new double[] {1, 0.25, 1.0 / 9}, within(1e-15)); // tensor exponent
    }

    @Test
    void matmul_handles_vectors_like_torch_matmul() throws Exception {
        assertThat(eval("v @ v")).containsExactly(14);
        assertThat(shape("v @ v")).isEmpty();
        assertThat(eval("M @ v")).containsExactly(14, 32);
        assertThat(eval("v @ transpose(M)")).containsExactly(14, 32);
        assertThat(eval("M @ transpose(M)")).containsExactly(14, 32, 32, 77);
    }

    @Test
    void reductions_with_and_without_a_dimension() throws Exception {
        assertThat(eval("sum(M)")).containsExactly(21);
        assertThat(eval("sum(M, 0)")).containsExactly(5, 7, 9);
        assertThat(eval("mean(M, -1)")).containsExactly(2, 5);
        assertThat(eval("max(M, 0)")).containsExactly(4, 5, 6);
        assertThat(eval("max(v)")).containsExactly(3);
    }

    @Test
    void softmax_and_cross_entropy_match_their_formulas() throws Exception {
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(eval("softmax(v)"))
                .containsExactly(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z}, within(1e-15));
        assertThat(eval("log_softmax(v, 0)")[2]).isCloseTo(3 - Math.log(z), within(1e-15));
        // rows [1,2,3] and [4,5,6] with labels 2 and 0: mean of (log Σe^row − picked logit)
        Tensor labels = Tensor.vector(2, 0);
        double expected = ((Math.log(z) - 3) + (Math.log(Math.exp(4) + Math.exp(5) + Math.exp(6)) - 4)) / 2;
        double ce = Expression.parse("cross_entropy(M, y)")
                .evaluate(Map.of("M", names.get("M"), "y", labels))
                .item();
        assertThat(ce).isCloseTo(expected, within(1e-14));
        assertThat(eval("mse(v, 2 * v)")).containsExactly((1 + 4 + 9) / 3.0);
    }

    @Test
    void elementwise_functions() throws Exception {
        assertThat(eval("relu(v - 2)")).containsExactly(0, 0, 1);
        assertThat(eval("abs(s)")).containsExactly(2);
        assertThat(eval("sqrt(v * v)")).containsExactly(1, 2, 3);
        assertThat(eval("log(exp(v))")).containsExactly(new double[] {1, 2, 3}, within(1e-15));
        assertThat(eval("sigmoid(s)")).containsExactly(1 / (1 + Math.exp(2)));
        assertThat(eval("tanh(s)")).containsExactly(Math.tanh(-2));
    }

    @Test
    void gradients_flow_through_the_evaluated_graph() throws Exception {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Expression.parse("sum(x^2) + mean(3 * x)").evaluate(Map.of("x", x)).backward();
        assertThat(x.grad().toArray()).containsExactly(3, 5, 7); // 2x + 3/3
    }

    @Test
    void an_unresolved_name_at_run_time_names_its_position() {
        assertThatThrownBy(() -> eval("v + w"))
                .isInstanceOfSatisfying(
                        EvaluationException.class, e -> assertThat(e.position()).isEqualTo(5));
    }
}
