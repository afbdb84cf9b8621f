package dev.gradlab.engine;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Rows [i0, i1) of the three row-major products through a native dgemm (dev.ludovic.netlib's JNI binding).
 * dgemm is column-major: a row-major [r×c] array read column-major is its transpose, so row-major C = A·B is
 * computed as column-major Cᵀ = Bᵀ·Aᵀ with no copy, and a block of C's rows is a block of Cᵀ's columns.
 *
 * <p>Which library: the {@code dev.ludovic.netlib.blas.nativeLibPath} property if set, else the first optimised BLAS
 * found: BLIS pthread build (one thread per call unless BLIS_NUM_THREADS says otherwise, and calls from several
 * threads run at once, so we can split a product over the cores), BLIS serial (measured: concurrent calls take
 * turns), OpenBLAS serial, OpenBLAS pthread (OpenBLAS first if OPENBLAS_CORETYPE is set); else the system's
 * libblas.so.3. A
 * library is used only if a start-up check measures it at {@link #MIN_GMACS} or more: Debian's reference BLAS
 * (~1.5 GMAC/s) and an OpenBLAS that does not recognise the CPU and falls back to generic code (0.3.21 on this
 * Xeon runs its "Prescott" kernels, ~7 GMAC/s) are slower than the Java kernel (~10 GMAC/s).
 */
final class NativeGemm {

    /** Below this rate (multiply-adds per second, billions) the Java kernel is as good. */
    static final double MIN_GMACS = 12.0;

    private static final String LIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    /** JUL keeps loggers weakly: hold the one we quieten. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas");
    private static final Loaded LOADED = load();
    private static final @Nullable NativeBLAS USABLE = pick();

    private NativeGemm() {
    }

    /** What was loaded (or why nothing was), its measured rate, and how it behaves on several threads. */
    record Loaded(@Nullable NativeBLAS blas, String library, double gmacs, Threading threading, String note) {
    }

    /** How a library behaves when several threads call it, which decides whether we split products over threads. */
    enum Threading {
        /** One thread per call, calls from several threads run at once (BLIS pthread build left at 1 thread). */
        CALLERS,
        /** Calls from several threads take turns (measured: Debian's BLIS serial build), or not known to be safe. */
        ONE_AT_A_TIME,
        /** Spreads each call over threads of its own (OpenBLAS pthread by default). */
        OWN_THREADS
    }

    static Loaded loaded() {
        return LOADED;
    }

    /** The native dgemm if one is loaded and fast enough; {@code gradlab.matmul=native} skips the speed check. */
    static @Nullable NativeBLAS usable() {
        return USABLE;
    }

    private static @Nullable NativeBLAS pick() {
        String mode = System.getProperty("gradlab.matmul", "auto");
        if (mode.equals("java")) {
            return null;
        }
        return mode.equals("native") || LOADED.gmacs >= MIN_GMACS ? LOADED.blas : null;
    }

    /** Rows [i0, i1) of C[m×n] += A[m×k]·B[k×n]:  Cᵀ += Bᵀ·Aᵀ. */
    static void ab(NativeBLAS blas, double[] a, double[] b, double[] c, int i0, int i1, int k, int n) {
        blas.dgemm("N", "N", n, i1 - i0, k, 1.0, b, 0, n, a, i0 * k, k, 1.0, c, i0 * n, n);
    }

    /** Rows [i0, i1) of C[m×n] += A[m×k]·B[n×k]ᵀ:  Cᵀ += B·Aᵀ (B read column-major is Bᵀ, hence "T"). */
    static void abt(NativeBLAS blas, double[] a, double[] b, double[] c, int i0, int i1, int k, int n) {
        blas.dgemm("T", "N", n, i1 - i0, k, 1.0, b, 0, k, a, i0 * k, k, 1.0, c, i0 * n, n);
    }

    /** Rows [i0, i1) of C[m×n] += A[k×m]ᵀ·B[k×n]:  Cᵀ += Bᵀ·A, C's rows i being A's columns i. */
    static void atb(NativeBLAS blas, double[] a, double[] b, double[] c, int i0, int i1, int m, int k, int n) {
        blas.dgemm("N", "T", n, i1 - i0, k, 1.0, b, 0, n, a, i0, m, 1.0, c, i0 * n, n);
    }

    private static Loaded load() {
        if (System.getProperty("gradlab.matmul", "auto").equals("java")) {
            return new Loaded(null, "none", 0, Threading.ONE_AT_A_TIME, "not loaded: gradlab.matmul=java");
        }
        String library = System.getProperty(LIB_PATH);
        if (library == null) {
            library = findLibrary();
            if (library != null) {
                System.setProperty(LIB_PATH, library);
            }
        }
        String name = library == null ? "libblas.so.3" : library;
        Threading threading = threading(name);
        NETLIB_LOG.setLevel(Level.WARNING); // its INFO line would land in the CLI's output
        try {
            NativeBLAS blas = NativeBLAS.getInstance();
            double gmacs = measure(blas);
            String note = String.format(Locale.ROOT, "%s, %.1f GMAC/s at start-up%s%s", name, gmacs,
                    gmacs >= MIN_GMACS ? "" : " (below " + MIN_GMACS + ": Java kernel used)", avx512Hint(name));
            return new Loaded(blas, name, gmacs, threading, note);
        } catch (RuntimeException | LinkageError e) {
            return new Loaded(null, name, 0, Threading.ONE_AT_A_TIME, "no native BLAS (" + e.getMessage() + ")");
        }
    }

    /**
     * BLIS 0.9 and OpenBLAS 0.3.21 (Debian 12) pick their kernels by CPU model; on a CPU they do not know (this
     * Xeon under KVM) they run AVX2 (BLIS) or even SSE3 (OpenBLAS) code on an AVX-512 machine. Only an environment
     * variable, read by the library itself, overrides that, so we can but say so.
     */
    private static String avx512Hint(String name) {
        String variable = name.contains("blis") ? "BLIS_ARCH_TYPE=skx" : name.contains("openblas")
                ? "OPENBLAS_CORETYPE=SkylakeX" : null;
        if (variable == null || System.getenv(variable.substring(0, variable.indexOf('='))) != null) {
            return "";
        }
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            boolean avx512 = lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> l.contains(" avx512f ")).orElse(false);
            return avx512 ? " (AVX-512 CPU: if the library does not know it, " + variable + " makes it use AVX-512)"
                    : "";
        } catch (java.io.IOException | java.io.UncheckedIOException | SecurityException e) {
            return "";
        }
    }

    private static Threading threading(String name) {
        if (name.contains("openblas-pthread") || name.contains("openblas-openmp")) {
            return "1".equals(System.getenv("OPENBLAS_NUM_THREADS")) ? Threading.CALLERS : Threading.OWN_THREADS;
        }
        if (name.contains("blis-pthread")) { // BLIS runs one thread per call unless told otherwise
            return System.getenv("BLIS_NUM_THREADS") == null || "1".equals(System.getenv("BLIS_NUM_THREADS"))
                    ? Threading.CALLERS : Threading.OWN_THREADS;
        }
        return Threading.ONE_AT_A_TIME;
    }

    private static @Nullable String findLibrary() {
        String triple = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            default -> null;
        };
        if (triple == null || !System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        Path dir = Path.of("/usr/lib", triple);
        // someone who set OPENBLAS_CORETYPE has told OpenBLAS which kernels to use: take it first then
        List<String> order = System.getenv("OPENBLAS_CORETYPE") != null
                ? List.of("openblas-serial", "openblas-pthread", "blis-pthread", "blis-serial")
                : List.of("blis-pthread", "blis-serial", "openblas-serial", "openblas-pthread");
        for (String candidate : order) {
            Path lib = dir.resolve(candidate).resolve("libblas.so.3");
            if (Files.isReadable(lib)) {
                return lib.toString();
            }
        }
        try {
            return dir.resolve("libblas.so.3").toRealPath().toString(); // the system's choice, named for the report
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
    }

    /** Best of a few 128³ products, per second of this thread's CPU time (so a busy machine does not hide it). */
    private static double measure(NativeBLAS blas) {
        int s = 128;
        double[] a = new double[s * s];
        double[] b = new double[s * s];
        double[] c = new double[s * s];
        java.util.Arrays.fill(a, 0.5);
        java.util.Arrays.fill(b, 0.25);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        double best = 0;
        for (int round = 0; round < 7; round++) {
            long t0 = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            for (int rep = 0; rep < 4; rep++) {
                blas.dgemm("N", "N", s, s, s, 1.0, a, s, b, s, 0.0, c, s);
            }
            long t1 = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.max(best, 4.0 * s * s * s / Math.max(1, t1 - t0));
        }
        return best;
    }
}
