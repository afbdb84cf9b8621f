package dev.gradlab.engine;

import java.util.Arrays;

/**
 * The engine's number crunching on plain row-major {@code double[]}: simple counted loops the JIT can unroll and
 * vectorise, no boxing. Matrix products come in the three layouts backward needs (A·B, A·Bᵀ, Aᵀ·B), so autograd
 * never builds a transposed tensor; only the kernel's own row copies of B, O(k·n) next to the O(m·k·n) product.
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
        gemm(a, k, 1, rows(b, k, n), c, m, k, n);
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
        gemm(a, k, 1, transposedRows(b, n, k), c, m, k, n);
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
        gemm(a, 1, m, rows(b, k, n), c, m, k, n);
    }

    /** Tiny products (the 2-8-8-1 net) are done directly: copying rows would cost more than it saves. */
    private static boolean small(int m, int k, int n) {
        return n < 16 || (long) m * k * n < 4096;
    }

    /**
     * C[m×n] += A·B with A's element (i, p) at {@code a[i·rowStride + p·colStride]} and B given as row arrays.
     * Two rows of C are accumulated at once in scratch rows, so every array in the inner loop is indexed by plain
     * {@code j}: that is the form HotSpot's C2 turns into SIMD code (an offset index such as {@code c[i·n + j]}
     * next to loads from another double[] blocks it, as C2 cannot rule out overlap). Each loaded row of B then
     * feeds two rows of C.
     */
    private static void gemm(double[] a, int rowStride, int colStride, double[][] b, double[] c, int m, int k, int n) {
        double[] acc0 = new double[n];
        double[] acc1 = new double[n];
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int a0 = i * rowStride;
            int a1 = a0 + rowStride;
            System.arraycopy(c, i * n, acc0, 0, n);
            System.arraycopy(c, (i + 1) * n, acc1, 0, n);
            int p = 0;
            for (; p + 3 < k; p += 4) { // four rows of B per sweep: each accumulator load/store does 4 multiply-adds
                double x00 = a[a0 + p * colStride];
                double x01 = a[a0 + (p + 1) * colStride];
                double x02 = a[a0 + (p + 2) * colStride];
                double x03 = a[a0 + (p + 3) * colStride];
                double x10 = a[a1 + p * colStride];
                double x11 = a[a1 + (p + 1) * colStride];
                double x12 = a[a1 + (p + 2) * colStride];
                double x13 = a[a1 + (p + 3) * colStride];
                double[] b0 = b[p];
                double[] b1 = b[p + 1];
                double[] b2 = b[p + 2];
                double[] b3 = b[p + 3];
                for (int j = 0; j < n; j++) {
                    double y0 = b0[j];
                    double y1 = b1[j];
                    double y2 = b2[j];
                    double y3 = b3[j];
                    acc0[j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
                    acc1[j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
                }
            }
            for (; p < k; p++) {
                double x0 = a[a0 + p * colStride];
                double x1 = a[a1 + p * colStride];
                double[] b0 = b[p];
                for (int j = 0; j < n; j++) {
                    acc0[j] += x0 * b0[j];
                    acc1[j] += x1 * b0[j];
                }
            }
            System.arraycopy(acc0, 0, c, i * n, n);
            System.arraycopy(acc1, 0, c, (i + 1) * n, n);
        }
        if (i < m) {
            int a0 = i * rowStride;
            System.arraycopy(c, i * n, acc0, 0, n);
            for (int p = 0; p < k; p++) {
                double x0 = a[a0 + p * colStride];
                double[] b0 = b[p];
                for (int j = 0; j < n; j++) {
                    acc0[j] += x0 * b0[j];
                }
            }
            System.arraycopy(acc0, 0, c, i * n, n);
        }
    }

    /** The rows of a row-major [rows×cols] matrix as separate arrays. */
    private static double[][] rows(double[] b, int rows, int cols) {
        double[][] r = new double[rows][];
        for (int p = 0; p < rows; p++) {
            r[p] = Arrays.copyOfRange(b, p * cols, (p + 1) * cols);
        }
        return r;
    }

    /** The rows of Bᵀ for a row-major [rows×cols] matrix B, i.e. its columns, as separate arrays. */
    private static double[][] transposedRows(double[] b, int rows, int cols) {
        double[][] t = new double[cols][rows];
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    for (int q = c0; q < c1; q++) {
                        t[q][r] = b[r * cols + q];
                    }
                }
            }
        }
        return t;
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
