package dev.gradlab.scenario;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.F;
import dev.gradlab.engine.Tensor;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Evaluates an {@link Expression} with engine operations, so the engine records the graph backward() walks. */
final class Evaluator {

    private Evaluator() {
    }

    static Tensor evaluate(Expression e, Map<String, Tensor> names) {
        try {
            if (e instanceof Expression.Num n) {
                return Tensor.scalar(n.value());
            } else if (e instanceof Expression.Name n) {
                Tensor t = names.get(n.name());
                if (t == null) {
                    throw new EvaluationException(n.position(), "unknown name '" + n.name() + "'");
                }
                return t;
            } else if (e instanceof Expression.Unary u) {
                return u.op() == '-' ? evaluate(u.operand(), names).neg() : evaluate(u.operand(), names);
            } else if (e instanceof Expression.Binary b) {
                return binary(b, names);
            }
            return call((Expression.Call) e, names);
        } catch (AutogradException ex) {
            // Validation should have caught this; if not, still say where in the loss it happened.
            throw new EvaluationException(e.position(), ex.getMessage());
        }
    }

    private static Tensor binary(Expression.Binary b, Map<String, Tensor> names) {
        Tensor l = evaluate(b.left(), names);
        if (b.op() == '^') {
            Double exponent = constant(b.right());
            return exponent != null ? l.pow(exponent) : l.pow(evaluate(b.right(), names));
        }
        Tensor r = evaluate(b.right(), names);
        return switch (b.op()) {
            case '+' -> l.add(r);
            case '-' -> l.sub(r);
            case '*' -> l.mul(r);
            case '/' -> l.div(r);
            case '@' -> matmul(l, r);
            default -> throw new IllegalStateException("operator " + b.op());
        };
    }

    /** torch.matmul on rank 1 and 2, built from the 2-D product: a vector becomes a one-row or one-column matrix. */
    private static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 2 && b.dim() == 2) {
            return a.matmul(b);
        }
        Tensor a2 = a.dim() == 1 ? a.reshape(1, a.shape()[0]) : a;
        Tensor b2 = b.dim() == 1 ? b.reshape(b.shape()[0], 1) : b;
        Tensor c = a2.matmul(b2);
        if (a.dim() == 1 && b.dim() == 1) {
            return c.reshape();
        }
        return c.reshape(a.dim() == 1 ? b.shape()[1] : a.shape()[0]);
    }

    private static Tensor call(Expression.Call c, Map<String, Tensor> names) {
        Tensor x = evaluate(c.args().get(0), names);
        boolean withDim = c.args().size() == 2 && c.function().takesDim();
        int dim = withDim ? normalise(ShapeCheck.integerLiteral(c.args().get(1)), x) : x.dim() - 1;
        return switch (c.function()) {
            case SUM -> withDim ? x.sum(dim) : x.sum();
            case MEAN -> withDim ? x.mean(dim) : x.mean();
            case MAX -> withDim ? x.max(dim) : x.max();
            case SOFTMAX -> x.softmax(dim);
            case LOG_SOFTMAX -> x.logSoftmax(dim);
            case EXP -> x.exp();
            case LOG -> x.log();
            case SQRT -> x.sqrt();
            case ABS -> x.abs();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case RELU -> x.relu();
            case TRANSPOSE -> x.dim() == 2 ? x.t() : x;
            case MSE -> F.mse(x, evaluate(c.args().get(1), names));
            case CROSS_ENTROPY -> F.crossEntropy(x, evaluate(c.args().get(1), names));
        };
    }

    private static int normalise(@Nullable Integer dim, Tensor x) {
        if (dim == null) {
            throw new AutogradException("a dimension must be an integer literal");
        }
        return dim < 0 ? dim + x.dim() : dim;
    }

    /** The value of a sub-expression without names ({@code 2}, {@code -1}, {@code 1/2}), or null. */
    static @Nullable Double constant(Expression e) {
        if (e instanceof Expression.Num n) {
            return n.value();
        }
        if (e instanceof Expression.Unary u) {
            Double v = constant(u.operand());
            return v == null ? null : u.op() == '-' ? -v : v;
        }
        if (e instanceof Expression.Binary b && b.op() != '@') {
            Double l = constant(b.left());
            Double r = constant(b.right());
            if (l == null || r == null) {
                return null;
            }
            return switch (b.op()) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                case '/' -> l / r;
                default -> Math.pow(l, r);
            };
        }
        return null;
    }
}
