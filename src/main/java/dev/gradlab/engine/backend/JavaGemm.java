package dev.gradlab.engine.backend;

import java.util.Arrays;

/**
 * The engine's own matrix kernel in plain Java, used when no fast native BLAS is there (and for every product too
 * small to be worth a native call). B is first copied into row arrays so the inner loop indexes every array by
 * plain {@code j}: that is the form HotSpot's C2 turns into SIMD code (an offset index such as {@code c[i·n + j]}
 * next to loads from another double[] blocks it, as C2 cannot rule out overlap).
 *
 * <p>Every element of C is computed by the same sequence of operations whichever rows [i0, i1) a call covers: K is
 * taken in the same groups of four (then one by one) in the paired-row loop and in the last odd row, so splitting a
 * product's rows over threads, in any blocks, never changes a bit of the result.
 */
final class JavaGemm {

    private JavaGemm() {}

    /**
     * Rows [i0, i1) of C[m×n] += A·B, with A's element (i, p) at {@code a[i·rowStride + p·colStride]} and B given as
     * row arrays [k][n]. Two rows of C are accumulated at once in scratch rows; each loaded row of B feeds both,
     * four rows of B per sweep so each accumulator load/store carries four multiply-adds. (Why two rows of C, not four: see
     * docs/performance.md.)
     */
    static void gemm(double[] a, int rowStride, int colStride, double[][] b, double[] c, int i0, int i1, int k, int n) {
        double[] acc0 = new double[n];
        double[] acc1 = new double[n];
        int i = i0;
        for (; i + 1 < i1; i += 2) {
            int a0 = i * rowStride;
            int a1 = a0 + rowStride;
            System.arraycopy(c, i * n, acc0, 0, n);
            System.arraycopy(c, (i + 1) * n, acc1, 0, n);
            int p = 0;
            for (; p + 3 < k; p += 4) {
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
        if (i < i1) { // the same grouping of K as above, so this row's sums are those it would get in a pair
            int a0 = i * rowStride;
            System.arraycopy(c, i * n, acc0, 0, n);
            int p = 0;
            for (; p + 3 < k; p += 4) {
                double x00 = a[a0 + p * colStride];
                double x01 = a[a0 + (p + 1) * colStride];
                double x02 = a[a0 + (p + 2) * colStride];
                double x03 = a[a0 + (p + 3) * colStride];
                double[] b0 = b[p];
                double[] b1 = b[p + 1];
                double[] b2 = b[p + 2];
                double[] b3 = b[p + 3];
                for (int j = 0; j < n; j++) {
                    acc0[j] += x00 * b0[j] + x01 * b1[j] + x02 * b2[j] + x03 * b3[j];
                }
            }
            for (; p < k; p++) {
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
    static double[][] rows(double[] b, int rows, int cols) {
        double[][] r = new double[rows][];
        for (int p = 0; p < rows; p++) {
            r[p] = Arrays.copyOfRange(b, p * cols, (p + 1) * cols);
        }
        return r;
    }

    /** The rows of Bᵀ for a row-major [rows×cols] matrix B, i.e. its columns, as separate arrays. */
    static double[][] transposedRows(double[] b, int rows, int cols) {
        return rows(Gemm.transpose(b, rows, cols), cols, rows);
    }
}
