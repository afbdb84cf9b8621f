package dev.gradlab.engine;

/**
 * The engine's number crunching on plain row-major {@code double[]}: simple counted loops the JIT can unroll and
 * vectorise, no boxing, no allocation beyond the result. Matrix products come in the three layouts backward needs
 * (A·B, A·Bᵀ, Aᵀ·B) so no transpose is ever materialised by autograd.
 */
final class Kernels {

    /** Rows of A (and C) handled per pass over B: B's rows stay in cache while they're reused. */
    private static final int ROW_BLOCK = 8;
    /** Columns of B (and C) per pass: keeps a block of B about L2-sized. */
    private static final int COL_BLOCK = 256;

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
        for (int j0 = 0; j0 < n; j0 += COL_BLOCK) {
            int j1 = Math.min(n, j0 + COL_BLOCK);
            for (int i0 = 0; i0 < m; i0 += ROW_BLOCK) {
                int i1 = Math.min(m, i0 + ROW_BLOCK);
                for (int i = i0; i < i1; i++) {
                    int ci = i * n;
                    int ai = i * k;
                    int p = 0;
                    // four rows of B per sweep of C's row: one load/store of C per four multiply-adds
                    for (; p + 3 < k; p += 4) {
                        double a0 = a[ai + p];
                        double a1 = a[ai + p + 1];
                        double a2 = a[ai + p + 2];
                        double a3 = a[ai + p + 3];
                        int b0 = p * n;
                        int b1 = b0 + n;
                        int b2 = b1 + n;
                        int b3 = b2 + n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                        }
                    }
                    for (; p < k; p++) {
                        double a0 = a[ai + p];
                        int b0 = p * n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += a0 * b[b0 + j];
                        }
                    }
                }
            }
        }
    }

    /** C[m×n] += A[m×k] · B[n×k]ᵀ */
    static void matmulABt(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (m >= 4) { // transposing B costs k·n, the product m·k·n: worth it for the vectorisable i-k-j loop
            matmul(a, transpose(b, n, k), c, m, k, n);
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] += s;
            }
        }
    }

    /** C[m×n] += A[k×m]ᵀ · B[k×n] */
    static void matmulAtB(double[] a, double[] b, double[] c, int m, int k, int n) {
        for (int j0 = 0; j0 < n; j0 += COL_BLOCK) {
            int j1 = Math.min(n, j0 + COL_BLOCK);
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    double a0 = a[p * m + i];
                    double a1 = a[(p + 1) * m + i];
                    double a2 = a[(p + 2) * m + i];
                    double a3 = a[(p + 3) * m + i];
                    int b0 = p * n;
                    int b1 = b0 + n;
                    int b2 = b1 + n;
                    int b3 = b2 + n;
                    for (int j = j0; j < j1; j++) {
                        c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                    }
                }
                for (; p < k; p++) {
                    double a0 = a[p * m + i];
                    int b0 = p * n;
                    for (int j = j0; j < j1; j++) {
                        c[ci + j] += a0 * b[b0 + j];
                    }
                }
            }
        }
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
