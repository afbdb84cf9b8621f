package dev.gradlab.engine;

/** Operations between a tensor and a plain number (the number is a constant: it gets no gradient). */
final class ScalarOps {

    private ScalarOps() {}

    /** y = x + c;  ∂x += g  (also x − c with c negated, which PyTorch calls SubBackward0) */
    static final class AddScalar extends Node {
        AddScalar(String name, Tensor x) {
            super(name, x);
        }

        @Override
        void backward(double[] g) {
            Kernels.addInto(gradOf(inputs[0]), g);
        }
    }

    static Tensor add(Tensor x, double c) {
        return add(x, c, "AddBackward0");
    }

    static Tensor add(Tensor x, double c, String name) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = a[i] + c;
        }
        return new AddScalar(name, x).output(y, x.shape);
    }

    /** y = c − x;  ∂x −= g */
    static final class Rsub extends Node {
        Rsub(Tensor x) {
            super("RsubBackward1", x);
        }

        @Override
        void backward(double[] g) {
            Kernels.axpy(gradOf(inputs[0]), -1.0, g);
        }
    }

    static Tensor rsub(Tensor x, double c) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c - a[i];
        }
        return new Rsub(x).output(y, x.shape);
    }

    /** y = c · x;  ∂x += c · g  (neg is c = −1, division by a number is c = 1/d) */
    static final class MulScalar extends Node {
        private final double c;

        MulScalar(String name, Tensor x, double c) {
            super(name, x);
            this.c = c;
        }

        @Override
        void backward(double[] g) {
            Kernels.axpy(gradOf(inputs[0]), c, g);
        }
    }

    static Tensor mul(Tensor x, double c) {
        return mul(x, c, "MulBackward0");
    }

    static Tensor mul(Tensor x, double c, String name) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c * a[i];
        }
        return new MulScalar(name, x, c).output(y, x.shape);
    }

    /** y = x / d, computed as a true division so results match PyTorch bit for bit;  ∂x += g / d */
    static final class DivScalar extends Node {
        private final double d;

        DivScalar(Tensor x, double d) {
            super("DivBackward0", x);
            this.d = d;
        }

        @Override
        void backward(double[] g) {
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] / d;
            }
        }
    }

    static Tensor div(Tensor x, double d) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = a[i] / d;
        }
        return new DivScalar(x, d).output(y, x.shape);
    }

    /** y = c / x;  ∂x −= g · c / x² */
    static final class Rdiv extends Node {
        private final double c;

        Rdiv(Tensor x, double c) {
            super("DivBackward0", x);
            this.c = c;
        }

        @Override
        void backward(double[] g) {
            double[] a = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] -= g[i] * c / (a[i] * a[i]);
            }
        }
    }

    static Tensor rdiv(Tensor x, double c) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c / a[i];
        }
        Rdiv node = new Rdiv(x, c);
        node.save(x);
        return node.output(y, x.shape);
    }

    /** y = xᵉ;  ∂x += g · e · xᵉ⁻¹  (0 for e = 0) */
    static final class PowScalar extends Node {
        private final double e;

        PowScalar(Tensor x, double e) {
            super("PowBackward0", x);
            this.e = e;
        }

        @Override
        void backward(double[] g) {
            if (e == 0) {
                return;
            }
            double[] a = savedData(0);
            double[] gx = gradOf(inputs[0]);
            if (e == 2) { // the lesson's x²: keep it exact and fast
                for (int i = 0; i < g.length; i++) {
                    gx[i] += g[i] * 2.0 * a[i];
                }
            } else {
                for (int i = 0; i < g.length; i++) {
                    gx[i] += g[i] * (e * Math.pow(a[i], e - 1));
                }
            }
        }
    }

    static Tensor pow(Tensor x, double e) {
        double[] a = x.data;
        double[] y = new double[a.length];
        if (e == 2) {
            for (int i = 0; i < y.length; i++) {
                y[i] = a[i] * a[i];
            }
        } else {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.pow(a[i], e);
            }
        }
        PowScalar node = new PowScalar(x, e);
        node.save(x);
        return node.output(y, x.shape);
    }
}
