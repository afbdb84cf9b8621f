package dev.gradlab.engine.backend;

import dev.ludovic.netlib.blas.NativeBLAS;
import org.jspecify.annotations.Nullable;

/**
 * Large matrix products (C += A·B in the three layouts backward needs), for the engine's kernels: native dgemm when
 * configuration picks one (see {@link NativeGemm}), else the Java kernel ({@link JavaGemm}); the rows cut into
 * blocks that depend on the product's size only and run on several threads (see {@link RowSplit}) once a product is
 * big enough to pay for the hand-off, if the native library lets calls from several threads run at once.
 */
public final class Gemm {

    /** Where the operands are stored: A·B, A·Bᵀ (B given as [n×k]) and Aᵀ·B (A given as [k×m]). */
    public enum Layout {
        AB,
        ABT,
        ATB
    }

    /** Multiply-adds below which a JNI call costs more than it saves. */
    static final long NATIVE_MIN = 32L * 32 * 32;
    /** Multiply-adds (≈ 0.1 ms of work) below which a second thread costs more than it saves. */
    static final long PARALLEL_MIN = 1L << 20;

    private Gemm() {}

    /**
     * Whether a product [m×k]·[k×n] is worth this path rather than plain loops: a function of its size and of the
     * configured kernel only.
     */
    public static boolean takes(int m, int k, int n) {
        long work = (long) m * k * n;
        return work >= NATIVE_MIN && NativeGemm.usable() != null || n >= 16 && work >= 4096;
    }

    /** C[m×n] += A·B in the given layout, on the configured kernel and threads. */
    public static void run(Layout layout, double[] a, double[] b, double[] c, int m, int k, int n) {
        long work = (long) m * k * n;
        NativeBLAS blas = work >= NATIVE_MIN ? NativeGemm.usable() : null;
        run(
                layout,
                blas,
                a,
                b,
                c,
                m,
                k,
                n,
                blas != null && NativeGemm.loaded().threading() != NativeGemm.Threading.CALLERS ? 1 : RowSplit.THREADS);
    }

    /**
     * On up to {@code threads} threads with the given dgemm (null: the Java kernel); tests force each path here. The
     * blocks do not depend on {@code threads}; a library that spreads its own threads gets the product in one call.
     */
    static void run(
            Layout layout,
            @Nullable NativeBLAS blas,
            double[] a,
            double[] b,
            double[] c,
            int m,
            int k,
            int n,
            int threads) {
        RowSplit.Rows rows;
        if (blas != null) {
            rows = switch (layout) {
                case AB -> (i0, i1) -> NativeGemm.ab(blas, a, b, c, i0, i1, k, n);
                case ABT -> (i0, i1) -> NativeGemm.abt(blas, a, b, c, i0, i1, k, n);
                case ATB -> (i0, i1) -> NativeGemm.atb(blas, a, b, c, i0, i1, m, k, n);
            };
        } else {
            double[][] bRows = layout == Layout.ABT ? JavaGemm.transposedRows(b, n, k) : JavaGemm.rows(b, k, n);
            int rowStride = layout == Layout.ATB ? 1 : k;
            int colStride = layout == Layout.ATB ? m : 1;
            rows = (i0, i1) -> JavaGemm.gemm(a, rowStride, colStride, bRows, c, i0, i1, k, n);
        }
        boolean split = (long) m * k * n >= PARALLEL_MIN
                && (blas == null || NativeGemm.loaded().threading() == NativeGemm.Threading.CALLERS);
        RowSplit.run(rows, m, split ? RowSplit.blocks(m) : 1, threads);
    }

    /** Bᵀ of a row-major [rows×cols] matrix, in cache-sized tiles. */
    public static double[] transpose(double[] b, int rows, int cols) {
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

    /** One line for reports: which kernel large products use, and on how many threads. */
    static String describe() {
        return NativeGemm.loaded().note() + "; " + threadsUsed() + " thread(s) per large product";
    }

    /** How many threads a large product runs on (more than 1 means the engine works in parallel). */
    static int threadsUsed() {
        NativeGemm.Loaded loaded = NativeGemm.loaded();
        if (loaded.blas() == null) {
            return RowSplit.THREADS;
        }
        return switch (loaded.threading()) {
            case CALLERS -> RowSplit.THREADS;
            case ONE_AT_A_TIME -> 1;
            case OWN_THREADS -> loaded.ownThreads();
        };
    }
}
