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
import org.jspecify.annotations.Nullable;

/**
 * Tells Debian's native BLAS libraries which CPU they run on when they cannot tell themselves. BLIS 0.9 and OpenBLAS
 * 0.3.21 pick their kernels when they load, from the CPU model, and fall back to AVX2 (BLIS) or SSE3 (OpenBLAS) code on
 * AVX-512 models newer than they know (seen on a 2-core KVM Xeon, model 207): two to four times slower for large
 * products. Each reads one environment variable that overrides the guess, and only the environment of a new process
 * can carry it, so {@code bench} starts itself again once with them set — what an operator would do by hand.
 */
final class CpuTuning {

    /** The AVX-512 subsets the two libraries' SkylakeX kernels use. */
    static final Set<String> SKX_FLAGS = Set.of("avx512f", "avx512dq", "avx512bw", "avx512vl");

    /** Set in the restarted process, so it never restarts again. */
    static final String MARKER = "GRADLAB_CPU_TUNED";

    private CpuTuning() {
    }

    /**
     * The variables to add for a CPU with these {@code /proc/cpuinfo} flags, given the current environment: none when
     * the CPU lacks AVX-512, when the user already chose (either variable set), or in a process already restarted.
     * OpenBLAS is told only where BLIS is absent: the engine prefers OpenBLAS whenever OPENBLAS_CORETYPE is set, and
     * with AVX-512 on both, BLIS ran the {@code eval} workload faster here (about 400 passes/s against 370).
     */
    static Map<String, String> variables(Set<String> cpuFlags, Map<String, String> env, boolean blisInstalled) {
        if (!cpuFlags.containsAll(SKX_FLAGS) || env.containsKey(MARKER)
                || env.containsKey("BLIS_ARCH_TYPE") || env.containsKey("OPENBLAS_CORETYPE")) {
            return Map.of();
        }
        Map<String, String> add = new LinkedHashMap<>();
        add.put("BLIS_ARCH_TYPE", "skx");
        if (!blisInstalled) {
            add.put("OPENBLAS_CORETYPE", "SkylakeX");
            add.put("OPENBLAS_NUM_THREADS", env.getOrDefault("OPENBLAS_NUM_THREADS", "1")); // the engine splits work
        }
        add.put(MARKER, "1");
        return add;
    }

    /** Whether Debian's BLIS (either build) is installed where the engine looks for it. */
    static boolean blisInstalled() {
        Path lib = Path.of("/usr/lib/x86_64-linux-gnu");
        return Files.isDirectory(lib.resolve("blis-pthread")) || Files.isDirectory(lib.resolve("blis-serial"));
    }

    /** The flags of the first CPU in {@code /proc/cpuinfo}; empty where there is no such file. */
    static Set<String> cpuFlags(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
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
