package dev.gradlab.engine;

import dev.gradlab.engine.backend.Gemm;

/**
 * The engine's number crunching on plain row-major {@code double[]}: simple counted loops the JIT can unroll and
 * vectorise, no boxing. Matrix products come in the three layouts backward needs (A·B, A·Bᵀ, Aᵀ·B), so autograd
 * never builds a transposed tensor; tiny ones are done here, larger ones by {@link Gemm} (native BLAS or the
 * Java kernel, split over the cores), the engine's only door into {@code engine.backend}.
 */
final class Kernels {

    private Kernels() {}

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

    /** Bᵀ of a row-major [rows×cols] matrix. */
    static double[] transpose(double[] b, int rows, int cols) {
        return Gemm.transpose(b, rows, cols);
    }
}
