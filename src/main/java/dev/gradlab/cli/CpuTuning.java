package dev.gradlab.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Tells Debian's native BLAS libraries which CPU they run on when they cannot tell themselves, and how many threads
 * to use. BLIS 0.9 and OpenBLAS 0.3.21 pick their kernels when they load, from the CPU model, and fall back to AVX2
 * (BLIS) or SSE3 (OpenBLAS) code on AVX-512 models newer than they know (see docs/performance.md): two to four times
 * slower for large products. Each reads one environment variable that overrides the guess, and reads its thread
 * count from the environment too; only the environment of a new process can carry them, so {@code bench} starts
 * itself again once with them set — what an operator would do by hand.
 */
final class CpuTuning {

    /** The AVX-512 subsets the two libraries' SkylakeX kernels use. */
    static final Set<String> SKX_FLAGS = Set.of("avx512f", "avx512dq", "avx512bw", "avx512vl");

    /** Set in the restarted process, so it never restarts again. */
    static final String MARKER = "GRADLAB_CPU_TUNED";

    private CpuTuning() {}

    /**
     * The variables to add for a CPU with these {@code /proc/cpuinfo} flags, given the current environment: none when
     * the CPU lacks AVX-512, when the user already chose (either variable set), or in a process already restarted.
     * OpenBLAS is told only where BLIS is absent: the engine prefers OpenBLAS whenever OPENBLAS_CORETYPE is set, and
     * BLIS is the faster of the two with AVX-512 (docs/performance.md).
     */
    static Map<String, String> variables(Set<String> cpuFlags, Map<String, String> env, boolean blisInstalled) {
        return variables(cpuFlags, env, blisInstalled ? Set.of("blis-pthread") : Set.of("openblas-pthread"), 2);
    }

    /** The variables through which a library is told how many threads to run each call on. */
    static final List<String> THREAD_VARIABLES =
            List.of("BLIS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS");

    /**
     * As above, for the BLAS builds {@code installed} (folder names such as {@code blis-pthread}) and a limit of
     * {@code threads} ({@code gradlab.threads}). With one thread, every thread-count variable that says otherwise is
     * set to 1, and so is OPENBLAS_NUM_THREADS when the engine would load OpenBLAS's pthread build (which otherwise
     * spreads each call over all cores, and which the engine then does not use, to keep to one thread).
     */
    static Map<String, String> variables(
            Set<String> cpuFlags, Map<String, String> env, Set<String> installed, int threads) {
        if (env.containsKey(MARKER)) {
            return Map.of();
        }
        boolean blis = installed.contains("blis-pthread") || installed.contains("blis-serial");
        Map<String, String> add = new LinkedHashMap<>();
        if (cpuFlags.containsAll(SKX_FLAGS)
                && !env.containsKey("BLIS_ARCH_TYPE")
                && !env.containsKey("OPENBLAS_CORETYPE")) {
            add.put("BLIS_ARCH_TYPE", "skx");
            if (!blis) {
                add.put("OPENBLAS_CORETYPE", "SkylakeX");
                add.put("OPENBLAS_NUM_THREADS", env.getOrDefault("OPENBLAS_NUM_THREADS", "1")); // the engine splits
            }
        }
        if (threads == 1) {
            for (String variable : THREAD_VARIABLES) {
                String value = env.get(variable);
                if (value != null && !value.trim().equals("1")) {
                    add.put(variable, "1");
                }
            }
            boolean openBlasFirst = !blis || env.containsKey("OPENBLAS_CORETYPE");
            if (openBlasFirst
                    && installed.contains("openblas-pthread")
                    && !installed.contains("openblas-serial")
                    && !env.containsKey("OPENBLAS_NUM_THREADS")) {
                add.put("OPENBLAS_NUM_THREADS", "1");
            }
        }
        if (add.isEmpty()) {
            return Map.of();
        }
        add.put(MARKER, "1");
        return add;
    }

    /** Which of Debian's BLAS builds are installed where the engine looks for them. */
    static Set<String> installedBlas() {
        Path lib = Path.of("/usr/lib/x86_64-linux-gnu");
        return Stream.of("blis-pthread", "blis-serial", "openblas-pthread", "openblas-serial")
                .filter(d -> Files.isReadable(lib.resolve(d).resolve("libblas.so.3")))
                .collect(Collectors.toSet());
    }

    /** {@code gradlab.threads}, as the engine reads it. */
    static int threads() {
        return Math.max(
                1, Integer.getInteger("gradlab.threads", Runtime.getRuntime().availableProcessors()));
    }

    /** The flags of the first CPU in {@code /proc/cpuinfo}; empty where there is no such file. */
    static Set<String> cpuFlags(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Arrays.stream(
                                    l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                            .collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * Runs {@code args} again in a new JVM from the same jar with {@code variables} added to its environment, its
     * output going straight to ours; null when this process was not started as {@code java -jar FILE.jar} (tests,
     * an IDE), where it carries on as it is.
     */
    static @Nullable Integer restart(String[] args, Map<String, String> variables) {
        String classPath = System.getProperty("java.class.path", "");
        if (variables.isEmpty() || !classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return null;
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-jar");
        command.add(classPath);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(variables);
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
