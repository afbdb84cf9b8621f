package dev.gradlab.engine;

/**
 * Softmax and log-softmax along one dim, computed after subtracting the maximum so large logits cannot overflow.
 * The tensor is seen as [outer, n, inner] around that dim.
 */
final class SoftmaxOps {

    private SoftmaxOps() {}

    /** Shared layout for both operations. */
    abstract static class Along extends Node {
        final int outer;
        final int n;
        final int inner;

        Along(String name, Tensor x, int d) {
            super(name, x);
            this.outer = Shapes.outer(x.shape, d);
            this.n = x.shape[d];
            this.inner = Shapes.inner(x.shape, d);
        }

        /** log Σₖ exp(x[o, k, i]) for one slice, with the max subtracted first. */
        final double logSumExp(double[] x, int base) {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                m = Math.max(m, x[base + k * inner]);
            }
            if (m == Double.NEGATIVE_INFINITY) {
                return m;
            }
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += Math.exp(x[base + k * inner] - m);
            }
            return m + Math.log(s);
        }

        final int base(int slice) {
            return (slice / inner) * n * inner + slice % inner;
        }
    }

    /** yₖ = exp(xₖ) / Σⱼ exp(xⱼ);  ∂xₖ += yₖ · (gₖ − Σⱼ gⱼ yⱼ) */
    static final class Softmax extends Along {
        Softmax(Tensor x, int d) {
            super("SoftmaxBackward0", x, d);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int s = 0; s < outer * inner; s++) {
                int base = base(s);
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += g[base + k * inner] * y[base + k * inner];
                }
                for (int k = 0; k < n; k++) {
                    int j = base + k * inner;
                    gx[j] += y[j] * (g[j] - dot);
                }
            }
        }
    }

    static Tensor softmax(Tensor x, int dim) {
        Softmax node = new Softmax(x, Shapes.dim(dim, x.shape, "softmax"));
        double[] y = new double[x.numel()];
        for (int s = 0; s < node.outer * node.inner; s++) {
            int base = node.base(s);
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < node.n; k++) {
                m = Math.max(m, x.data[base + k * node.inner]);
            }
            double sum = 0;
            for (int k = 0; k < node.n; k++) {
                int j = base + k * node.inner;
                y[j] = Math.exp(x.data[j] - m);
                sum += y[j];
            }
            for (int k = 0; k < node.n; k++) {
                y[base + k * node.inner] /= sum;
            }
        }
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }

    /** yₖ = xₖ − log Σⱼ exp(xⱼ);  ∂xₖ += gₖ − exp(yₖ) · Σⱼ gⱼ */
    static final class LogSoftmax extends Along {
        LogSoftmax(Tensor x, int d) {
            super("LogSoftmaxBackward0", x, d);
        }

        @Override
        void backward(double[] g) {
            double[] y = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int s = 0; s < outer * inner; s++) {
                int base = base(s);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += g[base + k * inner];
                }
                for (int k = 0; k < n; k++) {
                    int j = base + k * inner;
                    gx[j] += g[j] - Math.exp(y[j]) * sum;
                }
            }
        }
    }

    static Tensor logSoftmax(Tensor x, int dim) {
        LogSoftmax node = new LogSoftmax(x, Shapes.dim(dim, x.shape, "logSoftmax"));
        double[] y = new double[x.numel()];
        for (int s = 0; s < node.outer * node.inner; s++) {
            int base = node.base(s);
            double lse = node.logSumExp(x.data, base);
            for (int k = 0; k < node.n; k++) {
                int j = base + k * node.inner;
                y[j] = x.data[j] - lse;
            }
        }
        Tensor out = node.output(y, x.shape);
        node.save(out);
        return out;
    }
}
