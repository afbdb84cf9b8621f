package dev.gradlab.engine;

/** Elementwise functions of one tensor. Rules that can use the output (exp, tanh, sigmoid, sqrt) save it. */
final class UnaryOps {

    private UnaryOps() {}

    /** y = eˣ;  ∂x += g · y */
    static final class Exp extends Node {
        Exp(Tensor x) {
            super("ExpBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * y[i];
            }
        }
    }

    static Tensor exp(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(a[i]);
        }
        Exp node = new Exp(x);
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }

    /** y = ln x;  ∂x += g / x */
    static final class Log extends Node {
        Log(Tensor x) {
            super("LogBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] a = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] / a[i];
            }
        }
    }

    static Tensor log(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.log(a[i]);
        }
        Log node = new Log(x);
        node.save(x);
        return node.output(y, x.shape);
    }

    /** y = √x;  ∂x += g / (2y) */
    static final class Sqrt extends Node {
        Sqrt(Tensor x) {
            super("SqrtBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] / (2 * y[i]);
            }
        }
    }

    static Tensor sqrt(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sqrt(a[i]);
        }
        Sqrt node = new Sqrt(x);
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }

    /** y = |x|;  ∂x += g · sign(x)  (sign(0) = 0, as PyTorch) */
    static final class Abs extends Node {
        Abs(Tensor x) {
            super("AbsBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] a = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * Math.signum(a[i]);
            }
        }
    }

    static Tensor abs(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.abs(a[i]);
        }
        Abs node = new Abs(x);
        node.save(x);
        return node.output(y, x.shape);
    }

    /** y = tanh x;  ∂x += g · (1 − y²) */
    static final class Tanh extends Node {
        Tanh(Tensor x) {
            super("TanhBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * (1 - y[i] * y[i]);
            }
        }
    }

    static Tensor tanh(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.tanh(a[i]);
        }
        Tanh node = new Tanh(x);
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }

    /** y = 1 / (1 + e⁻ˣ);  ∂x += g · y · (1 − y) */
    static final class Sigmoid extends Node {
        Sigmoid(Tensor x) {
            super("SigmoidBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * (1 - y[i]) * y[i];
            }
        }
    }

    static Tensor sigmoid(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 / (1 + Math.exp(-a[i]));
        }
        Sigmoid node = new Sigmoid(x);
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }

    /** y = max(x, 0);  ∂x += g where y > 0 */
    static final class Relu extends Node {
        Relu(Tensor x) {
            super("ReluBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += y[i] > 0 ? g[i] : 0;
            }
        }
    }

    static Tensor relu(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        // Math.max is branch-free and vectorised (a ?: on random signs mispredicted: 4 ns an element, 0.5 ms of the
        // eval pass); it also keeps NaN as NaN, as torch.relu does
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(a[i], 0.0);
        }
        Relu node = new Relu(x);
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }
}
