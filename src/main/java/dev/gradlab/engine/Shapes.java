package dev.gradlab.engine;

import java.util.Arrays;

/** Shape arithmetic and NumPy/PyTorch broadcasting (shapes aligned on the right; a 1 or a missing dim stretches). */
final class Shapes {

    static final int[] SCALAR = new int[0];

    private Shapes() {}

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new AutogradException("Negative dimension in shape " + str(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new AutogradException("Shape " + str(shape) + " has too many elements");
        }
        return (int) n;
    }

    /** The broadcast shape of {@code a op b}, or an error naming both shapes. */
    static int[] broadcast(int[] a, int[] b, String op) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromRight(a, rank - 1 - i);
            int db = dimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new AutogradException(
                        op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast together (dimension " + i
                                + " of the result: " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static int dimFromRight(int[] shape, int fromRight) {
        int i = shape.length - 1 - fromRight;
        return i >= 0 ? shape[i] : 1;
    }

    /** Strides of {@code shape} seen inside {@code target}: 0 where {@code shape} is broadcast. */
    private static int[] broadcastStrides(int[] shape, int[] target) {
        int rank = target.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int si = i - (rank - shape.length);
            int d = si >= 0 ? shape[si] : 1;
            strides[i] = d == 1 ? 0 : stride;
            stride *= d;
        }
        return strides;
    }

    /** {@code src} (of {@code shape}) repeated to {@code target}, which it must broadcast to. */
    static double[] expand(double[] src, int[] shape, int[] target) {
        double[] out = new double[numel(target)];
        if (src.length == 1) {
            Arrays.fill(out, src[0]);
            return out;
        }
        int[] strides = broadcastStrides(shape, target);
        int[] index = new int[target.length];
        int offset = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = src[offset];
            offset = next(index, target, strides, offset);
        }
        return out;
    }

    /** Adds {@code g} (of {@code target}) into {@code dst} (of {@code shape}), summing over broadcast dims. */
    static void sumInto(double[] dst, int[] shape, double[] g, int[] target) {
        if (dst.length == g.length) {
            Kernels.addInto(dst, g);
            return;
        }
        if (dst.length == 1) {
            dst[0] += Kernels.sum(g);
            return;
        }
        int[] strides = broadcastStrides(shape, target);
        int[] index = new int[target.length];
        int offset = 0;
        for (double v : g) {
            dst[offset] += v;
            offset = next(index, target, strides, offset);
        }
    }

    /** Advances a row-major multi-index and returns the matching offset under {@code strides}. */
    private static int next(int[] index, int[] shape, int[] strides, int offset) {
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d]++;
            offset += strides[d];
            if (index[d] < shape[d]) {
                return offset;
            }
            offset -= strides[d] * shape[d];
            index[d] = 0;
        }
        return offset;
    }

    /** A dim argument checked and made non-negative (PyTorch allows -1 for the last dim). */
    static int dim(int dim, int[] shape, String op) {
        int rank = shape.length;
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= Math.max(rank, 1) || rank == 0) {
            throw new AutogradException(op + ": dim " + dim + " is out of range for a tensor of shape " + str(shape)
                    + " (rank " + rank + ")");
        }
        return d;
    }

    /** Product of dims before {@code d}. */
    static int outer(int[] shape, int d) {
        int n = 1;
        for (int i = 0; i < d; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** Product of dims after {@code d}. */
    static int inner(int[] shape, int d) {
        int n = 1;
        for (int i = d + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** {@code shape} without dim {@code d} (or with it set to 1 when {@code keepDim}). */
    static int[] reduce(int[] shape, int d, boolean keepDim) {
        if (keepDim) {
            int[] out = shape.clone();
            out[d] = 1;
            return out;
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != d) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
