package dev.gradlab.engine;

/** Operations that move values around without arithmetic. */
final class ShapeOps {

    private ShapeOps() {}

    /** y = xᵀ (2-D);  ∂x += gᵀ */
    static final class Transpose extends Node {
        private final int rows;
        private final int cols;

        Transpose(Tensor x) {
            super("TBackward0", x);
            this.rows = x.shape[0];
            this.cols = x.shape[1];
        }

        @Override
        void backward(double[] g) {
            Kernels.addInto(gradOf(inputs[0]), Kernels.transpose(g, cols, rows));
        }
    }

    static Tensor transpose(Tensor x) {
        if (x.dim() < 2) { // PyTorch's t() leaves 0-D and 1-D tensors as they are
            return reshape(x, x.shape, "TBackward0");
        }
        if (x.dim() != 2) {
            throw new AutogradException(
                    "transpose()/t() needs a tensor with at most 2 dims, got shape " + Shapes.str(x.shape));
        }
        double[] y = Kernels.transpose(x.data, x.shape[0], x.shape[1]);
        return new Transpose(x).output(y, new int[] {x.shape[1], x.shape[0]});
    }

    /** y = x seen in another shape (same values, same order);  ∂x += g (same order) */
    static final class Reshape extends Node {
        Reshape(String name, Tensor x) {
            super(name, x);
        }

        @Override
        void backward(double[] g) {
            Kernels.addInto(gradOf(inputs[0]), g);
        }
    }

    static Tensor reshape(Tensor x, int[] shape, String name) {
        int[] target = resolve(shape, x.numel(), x.shape);
        // the result shares x's values, as a PyTorch view of a contiguous tensor does
        return new Reshape(name, x).outputView(x, target);
    }

    private static int[] resolve(int[] shape, int numel, int[] from) {
        int[] out = shape.clone();
        int infer = -1;
        int known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && infer < 0) {
                infer = i;
            } else if (out[i] < 0) {
                throw new AutogradException("reshape: invalid shape " + Shapes.str(shape) + " (only one -1 allowed)");
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0 && known != 0 && numel % known == 0) {
            out[infer] = numel / known;
            known = numel;
        }
        if (known != numel || (infer >= 0 && known == 0)) {
            throw new AutogradException("reshape: shape " + Shapes.str(shape) + " is invalid for a tensor of shape "
                    + Shapes.str(from) + " (" + numel + " elements)");
        }
        return out;
    }

    /** y = x[i] (a row of a matrix, an element of a vector);  ∂x[i] += g */
    static final class Select extends Node {
        private final int offset;

        Select(Tensor x, int offset) {
            super("SelectBackward0", x);
            this.offset = offset;
        }

        @Override
        void backward(double[] g) {
            double[] gx = gradOf(inputs[0]);
            for (int j = 0; j < g.length; j++) {
                gx[offset + j] += g[j];
            }
        }
    }

    static Tensor row(Tensor x, int i) {
        if (x.dim() == 0) {
            throw new AutogradException("row(" + i + "): a scalar (shape []) cannot be indexed");
        }
        int n = x.shape[0];
        int index = i < 0 ? i + n : i;
        if (index < 0 || index >= n) {
            throw new AutogradException(
                    "row(" + i + ") is out of range for dim 0 of size " + n + " (shape " + Shapes.str(x.shape) + ")");
        }
        int[] shape = java.util.Arrays.copyOfRange(x.shape, 1, x.shape.length);
        int len = Shapes.numel(shape);
        double[] y = java.util.Arrays.copyOfRange(x.data, index * len, (index + 1) * len);
        return new Select(x, index * len).output(y, shape);
    }
}
