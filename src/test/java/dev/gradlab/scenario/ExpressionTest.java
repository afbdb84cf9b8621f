package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static String tree(String text) throws ExpressionException {
        return Expression.parse(text).toString();
    }

    @ParameterizedTest(name = "{0}  →  {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 + 2 * 3           | (1 + (2 * 3))",
                "1 - 2 - 3           | ((1 - 2) - 3)",
                "8 / 4 / 2           | ((8 / 4) / 2)",
                "2 ^ 3 ^ 2           | (2 ^ (3 ^ 2))",
                "-x^2                | (-(x ^ 2))",
                "-x * y              | ((-x) * y)",
                "x^-1                | (x ^ (-1))",
                "2^-x^2              | (2 ^ (-(x ^ 2)))",
                "--x                 | (-(-x))",
                "+x                  | (+x)",
                "a @ b + c           | ((a @ b) + c)",
                "a * b @ c           | ((a * b) @ c)",
                "(1 + 2) * 3         | ((1 + 2) * 3)",
                "x - -1              | (x - (-1))",
                "2x                  | ",
            })
    void operators_follow_the_documented_precedence_and_associativity(String text, String expected) throws Exception {
        if (expected == null) {
            assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionException.class);
            return;
        }
        assertThat(tree(text)).isEqualTo(expected);
    }

    @Test
    void functions_take_their_arguments_and_an_optional_dimension() throws Exception {
        assertThat(tree("mean((w*x + b - y)^2)")).isEqualTo("mean(((((w * x) + b) - y) ^ 2))");
        assertThat(tree("sum(x, 0)")).isEqualTo("sum(x, 0)");
        assertThat(tree("cross_entropy(relu(X @ W1 + b1) @ W2 + b2, label)"))
                .isEqualTo("cross_entropy(((relu(((X @ W1) + b1)) @ W2) + b2), label)");
        assertThat(tree("log_softmax(z, -1)")).isEqualTo("log_softmax(z, (-1))");
    }

    @Test
    void numbers_may_have_fractions_and_exponents() throws Exception {
        Expression e = Expression.parse("1.5e-3 + .25 + 2E2");
        assertThat(Evaluator.constant(e)).isEqualTo(1.5e-3 + 0.25 + 200);
    }

    @Test
    void positions_point_at_operators_names_and_calls() throws Exception {
        var e = (Expression.Binary) Expression.parse("  w * x");
        assertThat(e.position()).isEqualTo(5);
        assertThat(e.left().position()).isEqualTo(3);
        assertThat(e.right().position()).isEqualTo(7);
        assertThat(Expression.parse("1 + sum(x)").toString()).isEqualTo("(1 + sum(x))");
        assertThat(((Expression.Binary) Expression.parse("1 + sum(x)")).right().position())
                .isEqualTo(5);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "x +            | 4  | expected a number, a name or '(' but found the end of the expression",
                "(x + 1         | 7  | expected ')' to close the '(' at position 1",
                "x + 1)         | 6  | unexpected ')' after a complete expression",
                "x $ 2          | 3  | unexpected character '$'",
                "x ** 2         | 3  | powers are written with '^' here",
                "foo(x)         | 1  | unknown function 'foo'",
                "sum            | 1  | 'sum' is a function: write sum(...)",
                "mse(x)         | 1  | mse takes 2 arguments, got 1",
                "exp(x, y)      | 1  | exp takes 1 argument, got 2",
                "sum(x y)       | 7  | expected ')' or ',' in the arguments of sum( at position 4",
                "'   '          | 1  | the expression is empty",
                "1e999          | 1  | number 1e999 is too large",
                "x * * y        | 5  | expected a number, a name or '(' but found '*'",
            })
    void errors_name_the_position_and_the_cause(String text, int position, String message) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOfSatisfying(ExpressionException.class, e -> {
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void deeply_nested_expressions_fail_cleanly_instead_of_overflowing_the_stack() {
        String text = "(".repeat(4000) + "x" + ")".repeat(4000);
        assertThatThrownBy(() -> Expression.parse(text))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested too deeply");
        String minus = "-".repeat(5000) + "x";
        assertThatThrownBy(() -> Expression.parse(minus)).isInstanceOf(ExpressionException.class);
    }
}
