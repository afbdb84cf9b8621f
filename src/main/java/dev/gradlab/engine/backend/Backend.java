package dev.gradlab.engine.backend;

/**
 * What runs the engine's large matrix products, for reports such as the {@code bench} command (like PyTorch's
 * {@code torch.get_num_threads()} and {@code torch.__config__.show()}). Products of at least about a million
 * multiply-adds are split over {@link #numThreads()} threads; everything else runs on the caller's thread.
 */
public final class Backend {

    private Backend() {}

    /**
     * Threads a large product runs on: the {@code gradlab.threads} property, else the available processors; 1 if the
     * native BLAS in use takes calls one at a time; the library's own count if it spreads its own threads.
     */
    public static int numThreads() {
        return Gemm.threadsUsed();
    }

    /** True if large products run on more than one thread (so a benchmark must time them by the wall clock). */
    public static boolean isParallel() {
        return Gemm.threadsUsed() > 1;
    }

    /** The native BLAS file in use, or {@code "none"} when the Java kernel does the large products. */
    public static String blasLibrary() {
        return NativeGemm.loaded().library();
    }

    /** Threads the native BLAS runs each call on (1 when it is told so, or with the Java kernel). */
    public static int blasThreadsPerCall() {
        return NativeGemm.loaded().ownThreads();
    }

    /** One line: native BLAS (which library, why) or the Java kernel (why), and the threads. */
    public static String matmul() {
        return Gemm.describe();
    }
}
