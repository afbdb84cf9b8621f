package dev.gradlab.engine;

/**
 * Reductions over the whole tensor or along one dim. A tensor is seen as [outer, n, inner] around the reduced
 * dim, so the same loops serve every rank.
 */
final class ReduceOps {

    private ReduceOps() {}

    /** y = Σᵢ xᵢ (scaled by 1/n for mean);  ∂xᵢ += g · scale */
    static final class Sum extends Node {
        private final double scale;

        Sum(String name, Tensor x, double scale) {
            super(name, x);
            this.scale = scale;
        }

        @Override
        void backward(double[] g) {
            double gi = g[0] * scale;
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < gx.length; i++) {
                gx[i] += gi;
            }
        }
    }

    static Tensor sum(Tensor x) {
        return new Sum("SumBackward0", x, 1.0).output(new double[] {Kernels.sum(x.data)}, Shapes.SCALAR);
    }

    static Tensor mean(Tensor x) {
        int n = x.numel();
        return new Sum("MeanBackward0", x, 1.0 / n).output(new double[] {Kernels.sum(x.data) / n}, Shapes.SCALAR);
    }

    /** y[o, i] = Σₖ x[o, k, i] · scale;  ∂x[o, k, i] += g[o, i] · scale */
    static final class SumDim extends Node {
        private final int outer;
        private final int n;
        private final int inner;
        private final double scale;

        SumDim(String name, Tensor x, int d, double scale) {
            super(name, x);
            this.outer = Shapes.outer(x.shape, d);
            this.n = x.shape[d];
            this.inner = Shapes.inner(x.shape, d);
            this.scale = scale;
        }

        double[] forward(double[] x) {
            double[] y = new double[outer * inner];
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < n; k++) {
                    int base = (o * n + k) * inner;
                    for (int i = 0; i < inner; i++) {
                        y[o * inner + i] += x[base + i];
                    }
                }
            }
            if (scale != 1.0) {
                for (int i = 0; i < y.length; i++) {
                    y[i] /= n;
                }
            }
            return y;
        }

        @Override
        void backward(double[] g) {
            double[] gx = gradOf(inputs[0]);
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < n; k++) {
                    int base = (o * n + k) * inner;
                    for (int i = 0; i < inner; i++) {
                        gx[base + i] += g[o * inner + i] * scale;
                    }
                }
            }
        }
    }

    static Tensor sum(Tensor x, int dim, boolean keepDim) {
        int d = Shapes.dim(dim, x.shape, "sum");
        SumDim node = new SumDim("SumBackward1", x, d, 1.0);
        return node.output(node.forward(x.data), Shapes.reduce(x.shape, d, keepDim));
    }

    static Tensor mean(Tensor x, int dim, boolean keepDim) {
        int d = Shapes.dim(dim, x.shape, "mean");
        SumDim node = new SumDim("MeanBackward1", x, d, 1.0 / x.shape[d]);
        return node.output(node.forward(x.data), Shapes.reduce(x.shape, d, keepDim));
    }

    /** y = max x;  ∂x += g / (number of maxima) at every maximum (PyTorch spreads ties evenly) */
    static final class Max extends Node {
        Max(Tensor x) {
            super("MaxBackward1", x);
        }

        @Override
        void backward(double[] g) {
            double[] a = savedData(0);
            double m = savedData(1)[0];
            int ties = 0;
            for (double v : a) {
                ties += v == m ? 1 : 0;
            }
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < a.length; i++) {
                if (a[i] == m) {
                    gx[i] += g[0] / ties;
                }
            }
        }
    }

    static Tensor max(Tensor x) {
        if (x.numel() == 0) {
            throw new AutogradException("max() of an empty tensor of shape " + Shapes.str(x.shape));
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x.data) {
            m = Math.max(m, v);
        }
        Max node = new Max(x);
        Tensor out = node.output(new double[] {m}, Shapes.SCALAR);
        node.save(x, out);
        return out;
    }

    /** y[o, i] = maxₖ x[o, k, i];  ∂x[o, k*, i] += g[o, i] at the first maximum k* */
    static final class MaxDim extends Node {
        private final int n;
        private final int inner;
        private final int[] argmax;

        MaxDim(Tensor x, int d, int[] argmax) {
            super("MaxBackward0", x);
            this.n = x.shape[d];
            this.inner = Shapes.inner(x.shape, d);
            this.argmax = argmax;
        }

        @Override
        void backward(double[] g) {
            double[] gx = gradOf(inputs[0]);
            for (int j = 0; j < g.length; j++) {
                int o = j / inner;
                int i = j % inner;
                gx[(o * n + argmax[j]) * inner + i] += g[j];
            }
        }
    }

    /** Index of the first maximum along dim d for every [outer, inner] position. */
    static int[] argmaxIndices(Tensor x, int d) {
        int outer = Shapes.outer(x.shape, d);
        int n = x.shape[d];
        int inner = Shapes.inner(x.shape, d);
        if (n == 0) {
            throw new AutogradException("max/argmax along dim " + d + " of size 0, shape " + Shapes.str(x.shape));
        }
        int[] idx = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = 0;
                double m = x.data[o * n * inner + i];
                for (int k = 1; k < n; k++) {
                    double v = x.data[(o * n + k) * inner + i];
                    if (v > m || (Double.isNaN(v) && !Double.isNaN(m))) {
                        m = v;
                        best = k;
                    }
                }
                idx[o * inner + i] = best;
            }
        }
        return idx;
    }

    static Tensor max(Tensor x, int dim, boolean keepDim) {
        int d = Shapes.dim(dim, x.shape, "max");
        int n = x.shape[d];
        int inner = Shapes.inner(x.shape, d);
        int[] idx = argmaxIndices(x, d);
        double[] y = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            y[j] = x.data[((j / inner) * n + idx[j]) * inner + j % inner];
        }
        return new MaxDim(x, d, idx).output(y, Shapes.reduce(x.shape, d, keepDim));
    }

    static Tensor argmax(Tensor x, int dim) {
        int d = Shapes.dim(dim, x.shape, "argmax");
        int[] idx = argmaxIndices(x, d);
        double[] y = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            y[j] = idx[j];
        }
        return new Tensor(y, Shapes.reduce(x.shape, d, false));
    }
}
