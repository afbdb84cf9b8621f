package dev.gradlab.scenario;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Infers the shape of every node of a loss for given input shapes, before anything runs, so a mismatch is reported
 * with its position and both shapes. The rules are PyTorch's (broadcasting, {@code torch.matmul}, reductions) for
 * rank ≤ 2.
 */
final class ShapeCheck {

    private static final int[] SCALAR = {};

    private final Map<String, int[]> shapes;
    private final String knownNames;

    /** @param knownNames listed in the message for an unknown name */
    ShapeCheck(Map<String, int[]> shapes, String knownNames) {
        this.shapes = shapes;
        this.knownNames = knownNames;
    }

    int[] shapeOf(Expression root) throws ExpressionException {
        return ExpressionWalk.<int[], ExpressionException>fold(root, this::node);
    }

    /**
     * Estimated multiply-adds of one forward pass of everything {@link #shapeOf} has checked so far: each
     * operation's result size (a matrix product: rows x inner x columns), at least {@link Limits#OPERATION_OVERHEAD}.
     */
    long work() {
        return work;
    }

    private long work;

    private void count(long multiplyAdds) {
        work = Limits.plus(work, Math.max(multiplyAdds, Limits.OPERATION_OVERHEAD));
    }

    private static long numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = Limits.times(n, d);
        }
        return n;
    }

    private int[] node(Expression e, java.util.List<int[]> args) throws ExpressionException {
        if (e instanceof Expression.Num) {
            return SCALAR;
        } else if (e instanceof Expression.Name n) {
            int[] s = shapes.get(n.name());
            if (s == null) {
                throw new ExpressionException(n.position(), "unknown name '" + n.name() + "' (" + knownNames + ")");
            }
            return s;
        } else if (e instanceof Expression.Unary u) {
            if (u.op() == '-') {
                count(numel(args.get(0)));
            }
            return args.get(0);
        } else if (e instanceof Expression.Binary b) {
            int[] l = args.get(0);
            int[] r = args.get(1);
            int[] out = b.op() == '@' ? matmul(l, r, b.position()) : broadcast(l, r, "'" + b.op() + "'", b.position());
            count(b.op() == '@' ? Limits.times(numel(out), l[l.length - 1]) : numel(out));
            return out;
        }
        Expression.Call c = (Expression.Call) e;
        int[] out = call(c, args);
        count(Limits.times(numel(args.get(0)), 2));
        return out;
    }

    static String text(int[] shape) {
        return Arrays.toString(shape);
    }

    static int[] broadcast(int[] a, int[] b, String what, int position) throws ExpressionException {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
            int db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new ExpressionException(
                        position,
                        "shape mismatch for " + what + ": " + text(a) + " and " + text(b)
                                + " cannot be broadcast together");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static int[] matmul(int[] a, int[] b, int position) throws ExpressionException {
        if (a.length == 0 || b.length == 0) {
            throw new ExpressionException(
                    position,
                    "'@' needs vectors or matrices, got shapes " + text(a) + " and " + text(b)
                            + " (use '*' to multiply by a scalar)");
        }
        int inner = a[a.length - 1];
        int innerB = b[0];
        if (inner != innerB) {
            throw new ExpressionException(
                    position,
                    "shape mismatch for '@': " + text(a) + " and " + text(b) + " (inner dimensions " + inner + " and "
                            + innerB + " differ)");
        }
        if (a.length == 1) {
            return b.length == 1 ? SCALAR : new int[] {b[1]};
        }
        return b.length == 1 ? new int[] {a[0]} : new int[] {a[0], b[1]};
    }

    private int[] call(Expression.Call c, java.util.List<int[]> args) throws ExpressionException {
        int[] x = args.get(0);
        String f = c.function().text();
        return switch (c.function()) {
            case SUM, MEAN, MAX -> {
                if (c.args().size() == 1) {
                    yield SCALAR;
                }
                int dim = dim(c, x);
                int[] out = new int[x.length - 1];
                for (int i = 0, j = 0; i < x.length; i++) {
                    if (i != dim) {
                        out[j++] = x[i];
                    }
                }
                yield out;
            }
            case SOFTMAX, LOG_SOFTMAX -> {
                if (x.length == 0) {
                    throw new ExpressionException(c.position(), f + " needs a vector or matrix, got shape []");
                }
                if (c.args().size() == 2) {
                    dim(c, x);
                }
                yield x;
            }
            case EXP, LOG, SQRT, ABS, TANH, SIGMOID, RELU -> x;
            case TRANSPOSE -> x.length == 2 ? new int[] {x[1], x[0]} : x;
            case MSE -> {
                int[] target = args.get(1);
                if (!Arrays.equals(x, target)) {
                    throw new ExpressionException(
                            c.position(),
                            "shape mismatch for mse: prediction " + text(x) + " and target " + text(target)
                                    + " must have the same shape");
                }
                yield SCALAR;
            }
            case CROSS_ENTROPY -> {
                int[] labels = args.get(1);
                if (x.length != 2 || labels.length != 1 || labels[0] != x[0]) {
                    throw new ExpressionException(
                            c.position(),
                            "shape mismatch for cross_entropy: logits " + text(x) + " and labels " + text(labels)
                                    + " (expected logits [n, classes] and labels [n])");
                }
                yield SCALAR;
            }
        };
    }

    /** The dimension argument of {@code c}: an integer literal in [-rank, rank), normalised to [0, rank). */
    static int dim(Expression.Call c, int[] x) throws ExpressionException {
        Expression arg = c.args().get(1);
        Integer d = integerLiteral(arg);
        if (d == null) {
            throw new ExpressionException(
                    arg.position(),
                    "the second argument of " + c.function().text() + " is a dimension: an integer like 0, 1 or -1");
        }
        if (d < -x.length || d >= x.length || x.length == 0) {
            throw new ExpressionException(arg.position(), "dimension " + d + " is out of range for shape " + text(x));
        }
        return d < 0 ? d + x.length : d;
    }

    static @Nullable Integer integerLiteral(Expression e) {
        if (e instanceof Expression.Num n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 100) {
            return (int) n.value();
        }
        if (e instanceof Expression.Unary u && u.op() == '-') {
            Integer i = integerLiteral(u.operand());
            return i == null ? null : -i;
        }
        return null;
    }
}
