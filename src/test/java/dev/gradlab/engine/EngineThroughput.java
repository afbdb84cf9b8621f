package dev.gradlab.engine;

import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Sequential;
import dev.gradlab.engine.optim.Optimizer;
import dev.gradlab.engine.optim.Sgd;
import java.util.Random;

/**
 * A quick throughput check of issue 5's workloads (not a test: run its main by hand, with the dependencies on the
 * class path as well, {@code java -cp target/classes:target/test-classes:… dev.gradlab.engine.EngineThroughput};
 * add {@code -Dgradlab.threads=1} to keep large products on one thread). The real benchmark is the {@code bench}
 * command.
 */
final class EngineThroughput {

    private EngineThroughput() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        String only = args.length > 1 ? args[1] : "";
        if (only.isEmpty() || only.equals("scalar")) {
            report("scalar", seconds, scalar());
        }
        if (only.isEmpty() || only.equals("tiny")) {
            report("tiny", seconds, tiny());
        }
        if (only.isEmpty() || only.equals("mlp")) {
            report("mlp", seconds, mlp());
        }
        if (only.isEmpty() || only.equals("eval")) {
            report("eval", seconds, eval());
        }
    }

    private static Runnable scalar() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Optimizer opt = new Sgd(java.util.List.of(x), 1e-6);
        return () -> {
            opt.zeroGrad();
            x.pow(2).sum().backward();
            opt.step();
        };
    }

    private static Runnable tiny() {
        Random rnd = new Random(1);
        Sequential net = Mlp.of(new int[] {2, 8, 8, 1}, "tanh", 0, rnd);
        Tensor x = Tensor.randn(rnd, 10, 2);
        Tensor y = Tensor.randn(rnd, 10, 1);
        Optimizer opt = new Sgd(net.parameters(), 0.01);
        return () -> {
            opt.zeroGrad();
            F.mse(net.forward(x), y).backward();
            opt.step();
        };
    }

    private static Runnable mlp() {
        Random rnd = new Random(2);
        Sequential net = Mlp.of(new int[] {784, 128, 10}, "relu", 0, rnd);
        Tensor x = Tensor.uniform(rnd, 0, 1, 64, 784);
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rnd.nextInt(10);
        }
        Optimizer opt = new Sgd(net.parameters(), 0.01);
        return () -> {
            opt.zeroGrad();
            F.crossEntropy(net.forward(x), labels).backward();
            opt.step();
        };
    }

    private static Runnable eval() {
        Random rnd = new Random(3);
        Sequential net = Mlp.of(new int[] {784, 128, 10}, "relu", 0, rnd);
        Tensor x = Tensor.uniform(rnd, 0, 1, 1000, 784);
        return () -> {
            try (var off = Autograd.noGrad()) {
                net.forward(x).argmax(1);
            }
        };
    }

    private static void report(String name, double seconds, Runnable step) {
        run(step, seconds / 2); // warm-up: let the JIT compile the hot loops
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = run(step, seconds);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        // on a shared machine CPU time shows what the code costs; wall time what a user would see right now
        System.out.printf("%-7s %,12.0f steps/s wall  %,12.0f steps/s CPU%n", name, n / elapsed, n / cpu);
    }

    private static long run(Runnable step, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10; i++) {
                step.run();
            }
            n += 10;
        }
        return n;
    }
}
