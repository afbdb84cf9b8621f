package dev.gradlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A parsed loss expression. Positions are 1-based character positions in the source text: where a number, name or
 * function call starts, or where a binary operator stands (so a shape mismatch points at the {@code *} that failed).
 *
 * <p>Precedence, lowest first: {@code + -} (left) · {@code * / @} (left; {@code @} sits with {@code *} as in Python)
 * · unary {@code - +} · {@code ^} (right). As in mathematics and Python's {@code **}, {@code ^} binds tighter than a
 * unary minus on its left, so {@code -x^2} is {@code -(x^2)}, and its right operand may carry a sign: {@code x^-1}.
 */
public sealed interface Expression {

    int position();

    /** Parses {@code text}; names are resolved and shapes checked later, by {@link ShapeCheck}. */
    static Expression parse(String text) throws ExpressionException {
        return new ExpressionParser(text).parse();
    }

    /** Evaluates with engine operations, so backward() on the result reaches every parameter tensor in {@code names}. */
    default dev.gradlab.engine.Tensor evaluate(Map<String, dev.gradlab.engine.Tensor> names) {
        return Evaluator.evaluate(this, names);
    }

    record Num(double value, int position) implements Expression {
        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    record Name(String name, int position) implements Expression {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code op} is '-' or '+'. */
    record Unary(char op, Expression operand, int position) implements Expression {
        @Override
        public String toString() {
            return ExpressionWalk.text(this);
        }
    }

    /** {@code op} is one of {@code + - * / @ ^}. */
    record Binary(char op, Expression left, Expression right, int position) implements Expression {
        @Override
        public String toString() {
            return ExpressionWalk.text(this);
        }
    }

    record Call(Function function, List<Expression> args, int position) implements Expression {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return ExpressionWalk.text(this);
        }
    }
}
