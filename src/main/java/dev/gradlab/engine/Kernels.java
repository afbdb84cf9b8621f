package dev.gradlab.engine;

/**
 * The engine's number crunching on plain row-major {@code double[]}: simple counted loops the JIT can unroll and
 * vectorise, no boxing. Matrix products come in the three layouts backward needs (A·B, A·Bᵀ, Aᵀ·B), so autograd
 * never builds a transposed tensor; tiny ones are done here, larger ones by {@link Gemm} (native BLAS or the
 * Java kernel, split over the cores).
 */
final class Kernels {

    private Kernels() {
    }

    /** dst += src */
    static void addInto(double[] dst, double[] src) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] += src[i];
        }
    }

    /** dst += alpha·src */
    static void axpy(double[] dst, double alpha, double[] src) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] += alpha * src[i];
        }
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** C[m×n] += A[m×k] · B[k×n] */
    static void matmul(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (small(m, k, n)) {
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    double aip = a[i * k + p];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += aip * b[p * n + j];
                    }
                }
            }
            return;
        }
        Gemm.run(Gemm.Layout.AB, a, b, c, m, k, n);
    }

    /** C[m×n] += A[m×k] · B[n×k]ᵀ */
    static void matmulABt(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (small(m, k, n)) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a[i * k + p] * b[j * k + p];
                    }
                    c[i * n + j] += s;
                }
            }
            return;
        }
        Gemm.run(Gemm.Layout.ABT, a, b, c, m, k, n);
    }

    /** C[m×n] += A[k×m]ᵀ · B[k×n] */
    static void matmulAtB(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (small(m, k, n)) {
            for (int p = 0; p < k; p++) {
                for (int i = 0; i < m; i++) {
                    double api = a[p * m + i];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += api * b[p * n + j];
                    }
                }
            }
            return;
        }
        Gemm.run(Gemm.Layout.ATB, a, b, c, m, k, n);
    }

    /**
     * Tiny products (the 2-8-8-1 net) are done directly: copying rows or calling out would cost more. So are narrow
     * ones (n < 16, where the Java kernel's row loop is too short to vectorise) unless a native dgemm takes them.
     */
    private static boolean small(int m, int k, int n) {
        return !Gemm.takes(m, k, n);
    }

    /** Bᵀ of a row-major [rows×cols] matrix, in cache-sized tiles. */
    static double[] transpose(double[] b, int rows, int cols) {
        double[] t = new double[b.length];
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        t[c * rows + r] = b[r * cols + c];
                    }
                }
            }
        }
        return t;
    }
}
