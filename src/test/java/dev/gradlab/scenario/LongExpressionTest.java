package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.engine.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A loss as long as the limits allow, and ten times longer, never costs a StackOverflowError. */
@Timeout(10)
class LongExpressionTest {

    private static final int TERMS = 100_000;

    private static String repeated(String term, String op, int n) {
        StringBuilder s = new StringBuilder(term);
        for (int i = 1; i < n; i++) {
            s.append(' ').append(op).append(' ').append(term);
        }
        return s.toString();
    }

    private static Expression parseUnlimited(String text) throws ExpressionException {
        return new ExpressionParser(text, Integer.MAX_VALUE, Integer.MAX_VALUE).parse();
    }

    @Test
    void a_sum_of_100000_terms_is_refused_by_the_length_cap_with_one_line() {
        assertThatThrownBy(() -> Expression.parse(repeated("w", "+", TERMS)))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("399,997 characters, at most 10,000 are allowed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(120));
    }

    @Test
    void a_short_loss_with_too_many_terms_is_refused_by_the_node_cap() {
        // 2,600 names and 2,599 operators in 5,199 characters: under the length cap, over the node cap
        assertThatThrownBy(() -> Expression.parse(repeated("w", "+", 2_600).replace(" ", "")))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("5,199 numbers, names and operators, at most 5,000 are allowed");
    }

    @Test
    void a_sum_just_under_the_caps_parses_checks_and_runs() throws Exception {
        String text = repeated("w", "+", 2_500).replace(" ", "");
        Expression e = Expression.parse(text);
        assertThat(new ShapeCheck(Map.of("w", new int[0]), "parameters: w").shapeOf(e))
                .isEmpty();
        Tensor w = Tensor.scalar(3).requiresGrad_(true);
        Tensor loss = e.evaluate(Map.of("w", w));
        assertThat(loss.item()).isEqualTo(7_500.0);
        loss.backward();
        assertThat(w.grad().item()).isEqualTo(2_500.0); // d(2500 w)/dw
    }

    @Test
    void a_100000_term_sum_evaluates_and_backpropagates_without_recursion() throws Exception {
        Expression e = parseUnlimited(repeated("w", "+", TERMS));
        assertThat(new ShapeCheck(Map.of("w", new int[0]), "parameters: w").shapeOf(e))
                .isEmpty();
        Tensor w = Tensor.scalar(0.5).requiresGrad_(true);
        Tensor loss = e.evaluate(Map.of("w", w));
        assertThat(loss.item()).isEqualTo(50_000.0);
        loss.backward();
        assertThat(w.grad().item()).isEqualTo(TERMS);
        String text = e.toString(); // fully parenthesised: n - 1 '(' first, then "w + w)", then n - 2 times " + w)"
        assertThat(text.length()).isEqualTo(4 * TERMS - 3 + 2 * (TERMS - 1));
        assertThat(text.startsWith("(".repeat(TERMS - 1) + "w + w) + w)")).isTrue();
    }

    @Test
    void a_chain_of_100000_matrix_products_evaluates_to_the_closed_form_power() throws Exception {
        // [[1, 1], [0, 1]]^n = [[1, n], [0, 1]], so sum(A^n) = n + 2
        Expression e = parseUnlimited("sum(" + repeated("A", "@", TERMS) + ")");
        Tensor a = Tensor.matrix(new double[][] {{1, 1}, {0, 1}}).requiresGrad_(true);
        assertThat(e.evaluate(Map.of("A", a)).item()).isEqualTo(TERMS + 2.0);
    }

    @Test
    void backward_through_100000_products_of_the_identity_gives_n_in_every_entry() throws Exception {
        // d sum(A^n)/dA = sum_k (A^T)^k J (A^T)^(n-1-k), which is n J at A = I (J: all ones)
        Expression e = parseUnlimited("sum(" + repeated("A", "@", TERMS) + ")");
        Tensor a = Tensor.matrix(new double[][] {{1, 0}, {0, 1}}).requiresGrad_(true);
        e.evaluate(Map.of("A", a)).backward();
        assertThat(a.grad().toArray()).containsExactly(TERMS, TERMS, TERMS, TERMS);
    }

    @Test
    void a_constant_exponent_written_as_a_long_sum_is_folded_without_recursion() throws Exception {
        Expression e = parseUnlimited("w ^ (" + repeated("1", "+", TERMS) + ")");
        assertThat(Evaluator.constant(((Expression.Binary) e).right())).isEqualTo(TERMS);
        Tensor w = Tensor.scalar(1.0).requiresGrad_(true);
        Tensor loss = e.evaluate(Map.of("w", w));
        loss.backward();
        assertThat(w.grad().item()).isEqualTo(TERMS); // d w^n/dw = n w^(n-1) = n at w = 1
    }
}
