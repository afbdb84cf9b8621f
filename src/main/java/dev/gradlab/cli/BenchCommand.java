package dev.gradlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradlab.engine.backend.Backend;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bench}: steps (or passes) per second of the four workloads in {@link BenchWorkloads}, each after a warm-up that
 * lets the JIT compile the hot loops. Each figure is the median of {@link #ROUNDS} timed rounds of about
 * {@link #ROUND_NANOS} each. The engine splits large matrix products over {@link Backend#numThreads()} threads
 * ({@code -Dgradlab.threads=1} keeps it on one): then rounds are timed by the wall clock, since the calling thread's
 * CPU time would leave out the other threads' share.
 */
final class BenchCommand {

    static final int ROUNDS = 5;
    static final long ROUND_NANOS = 400_000_000L;
    static final long WARMUP_NANOS = 1_500_000_000L;

    /** PyTorch 1.13 (CPU, one thread, float64) on the same kind of machine, from issue 5, and our targets. */
    static final Map<String, double[]> PYTORCH_AND_TARGET = Map.of(
            "scalar",
            new double[] {29_000, 290_000},
            "tiny",
            new double[] {5_300, 53_000},
            "mlp",
            new double[] {430, 430},
            "eval",
            new double[] {360, 360});

    private BenchCommand() {}

    static int run(PrintStream out, double scale) {
        Map<String, Runnable> workloads = new LinkedHashMap<>();
        workloads.put("scalar", BenchWorkloads.scalar());
        workloads.put("tiny", BenchWorkloads.tiny());
        workloads.put("mlp", BenchWorkloads.mlp());
        workloads.put("eval", BenchWorkloads.eval());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("singleThreaded", !Backend.isParallel());
        root.put("threads", Backend.numThreads());
        root.put("blas", Backend.blasLibrary());
        root.put("blasThreadsPerCall", Backend.blasThreadsPerCall());
        root.put("matmul", Backend.matmul());
        root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put(
                "unit",
                "steps per second (eval: passes per second) of "
                        + (measuresCpuTime() ? "thread CPU time" : "wall-clock time") + ", median of " + ROUNDS
                        + " rounds after warm-up");
        ObjectNode results = root.putObject("workloads");
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        workloads.forEach((name, w) -> {
            double rate = measure(w, (long) (WARMUP_NANOS * scale), (long) (ROUND_NANOS * scale));
            ObjectNode o = results.putObject(name);
            o.put(name.equals("eval") ? "passesPerSecond" : "stepsPerSecond", Math.round(rate));
            double[] ref =
                    Objects.requireNonNull(PYTORCH_AND_TARGET.get(name), () -> "no PyTorch reference for " + name);
            o.put("pytorchReference", ref[0]);
            o.put("target", ref[1]);
            o.put("meetsTarget", rate >= ref[1]);
        });
        long cpu = processCpuNanos() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (cpu0 >= 0 && cpu >= 0) { // how many cores the whole process kept busy: about 1 when single-threaded
            root.put("processCpuPerWallSecond", Math.round(100.0 * cpu / wall) / 100.0);
        }
        out.println(root.toPrettyString());
        return 0;
    }

    /**
     * Rate of {@code work} in calls per second of this thread's CPU time (so that other programs sharing the machine's
     * cores do not count against it; wall-clock time is used if the JVM cannot measure thread CPU time): warm up,
     * then the median of timed rounds.
     */
    static double measure(Runnable work, long warmupNanos, long roundNanos) {
        long end = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < end) {
            work.run();
        }
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = cpuNanos();
            long calls = 0;
            long now;
            do {
                for (int i = 0; i < 8; i++) {
                    work.run();
                }
                calls += 8;
                now = cpuNanos();
            } while (now - start < roundNanos);
            rates[r] = calls * 1e9 / (now - start);
        }
        Arrays.sort(rates);
        return rates[ROUNDS / 2];
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static boolean measuresCpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() && !Backend.isParallel();
    }

    /** CPU time of every thread of this process (JIT and GC included), or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private static long cpuNanos() {
        return measuresCpuTime() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
