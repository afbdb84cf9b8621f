package dev.gradlab.engine.backend;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Rows [i0, i1) of the three row-major products through a native dgemm (dev.ludovic.netlib's JNI binding).
 * dgemm is column-major: a row-major [r×c] array read column-major is its transpose, so row-major C = A·B is
 * computed as column-major Cᵀ = Bᵀ·Aᵀ with no copy, and a block of C's rows is a block of Cᵀ's columns.
 *
 * <p>Whether it is used is decided once, from configuration and the file system only ({@link #decide}):
 * {@code gradlab.matmul=java} never loads a library; {@code auto} (the default) uses an optimised BLAS if one is
 * installed (the {@code dev.ludovic.netlib.blas.nativeLibPath} property, else the first of Debian's BLIS pthread,
 * BLIS serial, OpenBLAS serial, OpenBLAS pthread builds; OpenBLAS first if OPENBLAS_CORETYPE is set), and the Java
 * kernel otherwise (the reference BLAS is slower than it); {@code native} also takes the system's
 * {@code libblas.so.3}, whatever it is. Either way a library that would spread each call over more threads than
 * {@code gradlab.threads} allows (its own {@code *_NUM_THREADS} variables, read when it loads) is not used.
 */
final class NativeGemm {

    private static final String LIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    /** JUL keeps loggers weakly: hold the one we quieten. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas");

    private static final Loaded LOADED = load();

    private NativeGemm() {}

    /** {@code gradlab.matmul}. */
    enum Mode {
        JAVA,
        NATIVE,
        AUTO
    }

    /** How a library behaves when several threads call it, which decides whether we split products over threads. */
    enum Threading {
        /** One thread per call, calls from several threads run at once (a pthread build told to use one thread). */
        CALLERS,
        /** Calls from several threads take turns (measured: Debian's BLIS serial build), or not known to be safe. */
        ONE_AT_A_TIME,
        /** Spreads each call over threads of its own. */
        OWN_THREADS
    }

    /** The dgemm in use (null: the Java kernel), the library's file, its threads per call, and a line for reports. */
    record Loaded(@Nullable NativeBLAS blas, String library, int ownThreads, Threading threading, String note) {}

    /** Whether to use a native library, and why: the whole choice, from configuration and what is installed. */
    record Decision(boolean useNative, String reason) {}

    static Loaded loaded() {
        return LOADED;
    }

    /** The native dgemm in use, or null for the Java kernel. */
    static @Nullable NativeBLAS usable() {
        return LOADED.blas();
    }

    /**
     * The kernel choice. {@code library} is the file found (null: none), {@code optimised} whether it is BLIS or
     * OpenBLAS (or named by the operator), {@code ownThreads} how many threads it would run each call on, and
     * {@code threads} the {@code gradlab.threads} limit.
     */
    static Decision decide(Mode mode, @Nullable String library, boolean optimised, int ownThreads, int threads) {
        if (mode == Mode.JAVA) {
            return new Decision(false, "gradlab.matmul=java");
        }
        if (library == null) {
            return new Decision(false, "no native BLAS found");
        }
        if (mode == Mode.AUTO && !optimised) {
            return new Decision(false, library + " is not an optimised BLAS (gradlab.matmul=native forces it)");
        }
        if (ownThreads > threads) {
            return new Decision(
                    false,
                    String.format(
                            Locale.ROOT,
                            "%s would run each product on %d threads, more than"
                                    + " gradlab.threads=%d (set %s=1 to use it)",
                            library,
                            ownThreads,
                            threads,
                            threadVariable(library)));
        }
        return new Decision(true, "gradlab.matmul=" + mode.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The threads a library runs each call on, from the variables it reads when it loads: BLIS pthread
     * BLIS_NUM_THREADS, else OMP_NUM_THREADS, else 1; OpenBLAS pthread OPENBLAS_NUM_THREADS, else GOTO_NUM_THREADS,
     * else OMP_NUM_THREADS, else all processors; serial builds and anything else 1.
     */
    static int ownThreads(String library, Map<String, String> env, int processors) {
        if (library.contains("blis-pthread") || library.contains("blis-openmp")) {
            return firstCount(env, 1, "BLIS_NUM_THREADS", "OMP_NUM_THREADS");
        }
        if (library.contains("openblas-pthread") || library.contains("openblas-openmp")) {
            return firstCount(env, processors, "OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS");
        }
        return 1;
    }

    /** The variable that sets a library's threads per call (what {@code bench} sets when it restarts). */
    static String threadVariable(String library) {
        return library.contains("openblas")
                ? "OPENBLAS_NUM_THREADS"
                : library.contains("blis") ? "BLIS_NUM_THREADS" : "OMP_NUM_THREADS";
    }

    private static int firstCount(Map<String, String> env, int otherwise, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // the libraries ignore a value they cannot read, and so do we
                }
            }
        }
        return otherwise;
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

    static Mode mode() {
        String value = System.getProperty("gradlab.matmul", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "java" -> Mode.JAVA;
            case "native" -> Mode.NATIVE;
            default -> Mode.AUTO; // an unknown value is named in the report line, see load()
        };
    }

    private static Loaded load() {
        String raw = System.getProperty("gradlab.matmul", "auto");
        Mode mode = mode();
        String unknown = mode == Mode.AUTO && !raw.trim().equalsIgnoreCase("auto")
                ? " (unknown gradlab.matmul '" + raw + "': java, native or auto; auto used)"
                : "";
        String named = System.getProperty(LIB_PATH);
        String library = mode == Mode.JAVA ? null : named != null ? named : findLibrary(mode == Mode.NATIVE);
        boolean optimised = named != null
                || library != null && library.contains("blis")
                || library != null && library.contains("openblas");
        int processors = Runtime.getRuntime().availableProcessors();
        int ownThreads = library == null ? 1 : ownThreads(library, System.getenv(), processors);
        Decision decision = decide(mode, library, optimised, ownThreads, RowSplit.THREADS);
        if (!decision.useNative() || library == null) {
            return new Loaded(null, "none", 1, Threading.ONE_AT_A_TIME, "Java kernel: " + decision.reason() + unknown);
        }
        System.setProperty(LIB_PATH, library);
        NETLIB_LOG.setLevel(Level.WARNING); // its INFO line would land in the CLI's output
        try {
            NativeBLAS blas = NativeBLAS.getInstance();
            Threading threading = ownThreads > 1
                    ? Threading.OWN_THREADS
                    : library.contains("pthread") || library.contains("openmp")
                            ? Threading.CALLERS
                            : Threading.ONE_AT_A_TIME;
            return new Loaded(
                    blas,
                    library,
                    ownThreads,
                    threading,
                    "native BLAS " + library + ", " + ownThreads + " thread(s) per call: " + decision.reason() + unknown
                            + avx512Hint(library));
        } catch (RuntimeException | LinkageError e) {
            return new Loaded(
                    null,
                    "none",
                    1,
                    Threading.ONE_AT_A_TIME,
                    "Java kernel: " + library + " did not load (" + e.getMessage() + ")" + unknown);
        }
    }

    /**
     * BLIS and OpenBLAS pick their kernels by CPU model when they load and fall back to older code on AVX-512 models
     * they do not know (see docs/performance.md); only a variable they read themselves overrides that, so we can but
     * name it.
     */
    private static String avx512Hint(String library) {
        String variable =
                library.contains("blis") ? "BLIS_ARCH_TYPE" : library.contains("openblas") ? "OPENBLAS_CORETYPE" : null;
        if (variable == null || System.getenv(variable) != null) {
            return "";
        }
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            boolean avx512 = lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> l.contains(" avx512f "))
                    .orElse(false);
            return avx512
                    ? " (AVX-512 CPU: if the library does not know it, " + variable + "="
                            + (variable.startsWith("BLIS") ? "skx" : "SkylakeX") + " makes it use AVX-512)"
                    : "";
        } catch (java.io.IOException | java.io.UncheckedIOException | SecurityException e) {
            return "";
        }
    }

    /** Debian's optimised BLAS builds in order of preference; with {@code any}, else the system's libblas.so.3. */
    private static @Nullable String findLibrary(boolean any) {
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
        if (!any) {
            return null;
        }
        try {
            return dir.resolve("libblas.so.3").toRealPath().toString(); // the system's choice, named for the report
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
    }
}
