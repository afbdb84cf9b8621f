package dev.gradlab.scenario;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.F;
import dev.gradlab.engine.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Evaluates an {@link Expression} with engine operations, so the engine records the graph backward() walks. */
final class Evaluator {

    private Evaluator() {}

    /** A node's tensor, and its value when it is a constant (no names below it), which {@code ^} uses as such. */
    private record Value(Tensor tensor, @Nullable Double constant) {}

    static Tensor evaluate(Expression root, Map<String, Tensor> names) {
        return ExpressionWalk.<Value, RuntimeException>fold(root, (e, args) -> {
                    try {
                        return node(e, args, names);
                    } catch (AutogradException ex) {
                        // Validation should have caught this; if not, still say where in the loss it happened.
                        throw new EvaluationException(
                                e.position(), Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
                    }
                })
                .tensor();
    }

    private static Value node(Expression e, List<Value> args, Map<String, Tensor> names) {
        if (e instanceof Expression.Num n) {
            return new Value(Tensor.scalar(n.value()), n.value());
        } else if (e instanceof Expression.Name n) {
            Tensor t = names.get(n.name());
            if (t == null) {
                throw new EvaluationException(n.position(), "unknown name '" + n.name() + "'");
            }
            return new Value(t, null);
        } else if (e instanceof Expression.Unary u) {
            Value x = args.get(0);
            Double c = x.constant() == null ? null : u.op() == '-' ? -x.constant() : x.constant();
            return new Value(u.op() == '-' ? x.tensor().neg() : x.tensor(), c);
        } else if (e instanceof Expression.Binary b) {
            return binary(b, args.get(0), args.get(1));
        }
        Expression.Call c = (Expression.Call) e;
        return new Value(
                call(c, args.get(0).tensor(), args.size() > 1 ? args.get(1).tensor() : null), null);
    }

    private static Value binary(Expression.Binary b, Value left, Value right) {
        Tensor l = left.tensor();
        Tensor r = right.tensor();
        Double lc = left.constant();
        Double rc = right.constant();
        if (b.op() == '^') {
            Double c = lc != null && rc != null ? Math.pow(lc, rc) : null;
            return new Value(rc != null ? l.pow(rc) : l.pow(r), c);
        }
        Tensor t = switch (b.op()) {
            case '+' -> l.add(r);
            case '-' -> l.sub(r);
            case '*' -> l.mul(r);
            case '/' -> l.div(r);
            case '@' -> matmul(l, r);
            default -> throw new IllegalStateException("operator " + b.op());
        };
        Double c = null;
        if (lc != null && rc != null && b.op() != '@') {
            c = switch (b.op()) {
                case '+' -> lc + rc;
                case '-' -> lc - rc;
                case '*' -> lc * rc;
                default -> lc / rc;
            };
        }
        return new Value(t, c);
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

    private static Tensor call(Expression.Call c, Tensor x, @Nullable Tensor second) {
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
            case MSE -> F.mse(x, java.util.Objects.requireNonNull(second));
            case CROSS_ENTROPY -> F.crossEntropy(x, java.util.Objects.requireNonNull(second));
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
        // Optional rather than a null element: the fold's result type is not a nullable type argument
        return ExpressionWalk.<Optional<Double>, RuntimeException>fold(e, (node, args) -> {
                    if (node instanceof Expression.Num n) {
                        return Optional.of(n.value());
                    }
                    if (node instanceof Expression.Unary u) {
                        return args.get(0).map(v -> u.op() == '-' ? -v : v);
                    }
                    if (node instanceof Expression.Binary b && b.op() != '@') {
                        Optional<Double> left = args.get(0);
                        Optional<Double> right = args.get(1);
                        if (left.isEmpty() || right.isEmpty()) {
                            return Optional.empty();
                        }
                        double l = left.get();
                        double r = right.get();
                        return Optional.of(
                                switch (b.op()) {
                                    case '+' -> l + r;
                                    case '-' -> l - r;
                                    case '*' -> l * r;
                                    case '/' -> l / r;
                                    default -> Math.pow(l, r);
                                });
                    }
                    return Optional.empty();
                })
                .orElse(null);
    }
}
