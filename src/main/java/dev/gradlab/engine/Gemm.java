package dev.gradlab.engine;

import dev.ludovic.netlib.blas.NativeBLAS;
import org.jspecify.annotations.Nullable;

/**
 * Large matrix products (C += A·B in the three layouts backward needs): native dgemm when a fast one is loaded
 * (see {@link NativeGemm}), else the Java kernel; rows split over the cores (see {@link RowSplit}) once a product is
 * big enough to pay for the hand-off, if the native library lets calls from several threads run at once.
 */
final class Gemm {

    /** Where A·B, A·Bᵀ and Aᵀ·B are stored, as in {@link Kernels}. */
    enum Layout { AB, ABT, ATB }

    /** Multiply-adds below which a JNI call costs more than it saves. */
    static final long NATIVE_MIN = 32L * 32 * 32;
    /** Multiply-adds (≈ 0.1 ms of work) below which a second thread costs more than it saves. */
    static final long PARALLEL_MIN = 1L << 20;
    /** Fewest rows per block. */
    private static final int MIN_ROWS = 8;

    private Gemm() {
    }

    /** Whether a product is worth this path rather than the plain loops in {@link Kernels}. */
    static boolean takes(int m, int k, int n) {
        long work = (long) m * k * n;
        return work >= NATIVE_MIN && NativeGemm.usable() != null || n >= 16 && work >= 4096;
    }

    static void run(Layout layout, double[] a, double[] b, double[] c, int m, int k, int n) {
        long work = (long) m * k * n;
        NativeBLAS blas = work >= NATIVE_MIN ? NativeGemm.usable() : null;
        run(layout, blas, a, b, c, m, k, n, threads(work, m, blas));
    }

    /** On up to {@code threads} threads with the given dgemm (null: the Java kernel); tests force each path here. */
    static void run(Layout layout, @Nullable NativeBLAS blas, double[] a, double[] b, double[] c, int m, int k, int n,
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
        RowSplit.run(rows, m, threads);
    }

    private static int threads(long work, int m, @Nullable NativeBLAS blas) {
        if (work < PARALLEL_MIN || (blas != null && NativeGemm.loaded().threading() != NativeGemm.Threading.CALLERS)) {
            return 1;
        }
        return Math.max(1, Math.min(RowSplit.THREADS, m / MIN_ROWS));
    }

    /** One line for reports: which kernel large products use, and on how many threads. */
    static String describe() {
        NativeGemm.Loaded loaded = NativeGemm.loaded();
        String kernel = NativeGemm.usable() != null ? "native BLAS " + loaded.note() : "Java kernel; " + loaded.note();
        return kernel + "; " + threadsUsed() + " thread(s) per large product";
    }

    /** How many threads a large product runs on (more than 1 means the engine works in parallel). */
    static int threadsUsed() {
        if (NativeGemm.usable() == null) {
            return RowSplit.THREADS;
        }
        return switch (NativeGemm.loaded().threading()) {
            case CALLERS -> RowSplit.THREADS;
            case ONE_AT_A_TIME -> 1;
            case OWN_THREADS -> Runtime.getRuntime().availableProcessors(); // the library's own count; a guess
        };
    }
}
