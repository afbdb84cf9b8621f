package dev.gradlab.engine;

import java.util.Arrays;

/**
 * Elementwise operations on two tensors with NumPy broadcasting. Each backward rule computes the gradient for the
 * broadcast (output) shape; {@link Binary#reduceInto} then sums it back to the input's own shape.
 */
final class BinaryOps {

    private BinaryOps() {}

    /** Broadcasting plumbing shared by the binary operations. */
    abstract static class Binary extends Node {
        final int[] shape;

        Binary(String name, Tensor a, Tensor b, int[] shape) {
            super(name, a, b);
            this.shape = shape;
        }

        /** The input's values stretched to the output shape (the input's own array when no stretching is needed). */
        final double[] expanded(Tensor t) {
            return t.data.length == Shapes.numel(shape) ? t.data : Shapes.expand(t.data, t.shape, shape);
        }

        /** Where to add input {@code i}'s gradient: its buffer itself, or a scratch array when it was broadcast. */
        final double[] target(int i, int n) {
            return inputs[i].data.length == n ? gradOf(inputs[i]) : new double[n];
        }

        /** Sums a scratch gradient over the broadcast dims into input {@code i}'s buffer. */
        final void reduceInto(int i, double[] grad) {
            Tensor in = inputs[i];
            if (grad != in.pending) {
                Shapes.sumInto(gradOf(in), in.shape, grad, shape);
            }
        }
    }

    static int[] shapeOf(Tensor a, Tensor b, String op) {
        return Arrays.equals(a.shape, b.shape) ? a.shape : Shapes.broadcast(a.shape, b.shape, op);
    }

    /** c = a + b;  ∂a += g,  ∂b += g */
    static final class Add extends Binary {
        Add(Tensor a, Tensor b, int[] shape) {
            super("AddBackward0", a, b, shape);
        }

        @Override
        void backward(double[] g) {
            for (int i = 0; i < 2; i++) {
                if (needs(i)) {
                    Shapes.sumInto(gradOf(inputs[i]), inputs[i].shape, g, shape);
                }
            }
        }
    }

    static Tensor add(Tensor a, Tensor b) {
        int[] shape = shapeOf(a, b, "add");
        Add node = new Add(a, b, shape);
        double[] x = node.expanded(a);
        double[] y = node.expanded(b);
        double[] c = new double[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i] + y[i];
        }
        return node.output(c, shape);
    }

    /** c = a − b;  ∂a += g,  ∂b −= g */
    static final class Sub extends Binary {
        Sub(Tensor a, Tensor b, int[] shape) {
            super("SubBackward0", a, b, shape);
        }

        @Override
        void backward(double[] g) {
            if (needs(0)) {
                Shapes.sumInto(gradOf(inputs[0]), inputs[0].shape, g, shape);
            }
            if (needs(1)) {
                double[] gb = target(1, g.length);
                for (int i = 0; i < g.length; i++) {
                    gb[i] -= g[i];
                }
                reduceInto(1, gb);
            }
        }
    }

    static Tensor sub(Tensor a, Tensor b) {
        int[] shape = shapeOf(a, b, "sub");
        Sub node = new Sub(a, b, shape);
        double[] x = node.expanded(a);
        double[] y = node.expanded(b);
        double[] c = new double[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i] - y[i];
        }
        return node.output(c, shape);
    }

    /** c = a ⊙ b;  ∂a += g ⊙ b,  ∂b += g ⊙ a */
    static final class Mul extends Binary {
        Mul(Tensor a, Tensor b, int[] shape) {
            super("MulBackward0", a, b, shape);
        }

        @Override
        void backward(double[] g) {
            double[] x = expanded(saved(0));
            double[] y = expanded(saved(1));
            if (needs(0)) {
                double[] ga = target(0, g.length);
                for (int i = 0; i < g.length; i++) {
                    ga[i] += g[i] * y[i];
                }
                reduceInto(0, ga);
            }
            if (needs(1)) {
                double[] gb = target(1, g.length);
                for (int i = 0; i < g.length; i++) {
                    gb[i] += g[i] * x[i];
                }
                reduceInto(1, gb);
            }
        }
    }

    static Tensor mul(Tensor a, Tensor b) {
        int[] shape = shapeOf(a, b, "mul");
        Mul node = new Mul(a, b, shape);
        double[] x = node.expanded(a);
        double[] y = node.expanded(b);
        double[] c = new double[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i] * y[i];
        }
        node.save(a, b);
        return node.output(c, shape);
    }

    /** c = a / b;  ∂a += g / b,  ∂b −= g · a / b² */
    static final class Div extends Binary {
        Div(Tensor a, Tensor b, int[] shape) {
            super("DivBackward0", a, b, shape);
        }

        @Override
        void backward(double[] g) {
            double[] x = expanded(saved(0));
            double[] y = expanded(saved(1));
            if (needs(0)) {
                double[] ga = target(0, g.length);
                for (int i = 0; i < g.length; i++) {
                    ga[i] += g[i] / y[i];
                }
                reduceInto(0, ga);
            }
            if (needs(1)) {
                double[] gb = target(1, g.length);
                for (int i = 0; i < g.length; i++) {
                    gb[i] -= g[i] * x[i] / (y[i] * y[i]);
                }
                reduceInto(1, gb);
            }
        }
    }

    static Tensor div(Tensor a, Tensor b) {
        int[] shape = shapeOf(a, b, "div");
        Div node = new Div(a, b, shape);
        double[] x = node.expanded(a);
        double[] y = node.expanded(b);
        double[] c = new double[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i] / y[i];
        }
        node.save(a, b);
        return node.output(c, shape);
    }

    /** c = aᵇ;  ∂a += g · b · aᵇ⁻¹,  ∂b += g · c · ln a (0 where a = 0 and b ≥ 0, as PyTorch) */
    static final class Pow extends Binary {
        Pow(Tensor a, Tensor b, int[] shape) {
            super("PowBackward1", a, b, shape);
        }

        @Override
        void backward(double[] g) {
            double[] x = expanded(saved(0));
            double[] y = expanded(saved(1));
            double[] c = saved(2).data;
            if (needs(0)) {
                double[] ga = target(0, g.length);
                for (int i = 0; i < g.length; i++) {
                    ga[i] += y[i] == 0 ? 0 : g[i] * y[i] * Math.pow(x[i], y[i] - 1);
                }
                reduceInto(0, ga);
            }
            if (needs(1)) {
                double[] gb = target(1, g.length);
                for (int i = 0; i < g.length; i++) {
                    gb[i] += x[i] == 0 && y[i] >= 0 ? 0 : g[i] * c[i] * Math.log(x[i]);
                }
                reduceInto(1, gb);
            }
        }
    }

    static Tensor pow(Tensor a, Tensor b) {
        int[] shape = shapeOf(a, b, "pow");
        Pow node = new Pow(a, b, shape);
        double[] x = node.expanded(a);
        double[] y = node.expanded(b);
        double[] c = new double[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.pow(x[i], y[i]);
        }
        Tensor out = node.output(c, shape);
        node.save(a, b, out);
        return out;
    }
}
