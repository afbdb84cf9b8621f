package dev.gradlab.cli;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.F;
import dev.gradlab.engine.NoGradScope;
import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Sequential;
import dev.gradlab.engine.optim.Sgd;
import java.util.Random;

/**
 * The four workloads of {@code bench}, each a {@link Runnable} doing one step (or pass) on fixed random data made
 * from a fixed seed. {@code bench/pytorch_bench.py} builds the same workloads in PyTorch.
 */
final class BenchWorkloads {

    private BenchWorkloads() {}

    /** The notebook's first demo: x = [1, 2, 3]; zero_grad, y = sum(x²), backward, SGD step (lr 0.01). */
    static Runnable scalar() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Sgd sgd = new Sgd(java.util.List.of(x), 0.01);
        return () -> {
            sgd.zeroGrad();
            x.pow(2).sum().backward();
            sgd.step();
        };
    }

    /** MLP 2-8-8-1 tanh, a batch of 10, MSE loss, SGD step (lr 0.01). */
    static Runnable tiny() {
        Random rnd = new Random(1);
        Sequential model = Mlp.of(new int[] {2, 8, 8, 1}, "tanh", 0, rnd);
        Sgd sgd = new Sgd(model.parameters(), 0.01);
        Tensor x = Tensor.randn(rnd, 10, 2);
        Tensor y = Tensor.randn(rnd, 10, 1);
        return () -> {
            sgd.zeroGrad();
            F.mse(model.forward(x), y).backward();
            sgd.step();
        };
    }

    /** MLP 784-128-10 ReLU, a batch of 64, cross-entropy, SGD step (lr 0.01), doubles. */
    static Runnable mlp() {
        Random rnd = new Random(2);
        Sequential model = Mlp.of(new int[] {784, 128, 10}, "relu", 0, rnd);
        Sgd sgd = new Sgd(model.parameters(), 0.01);
        Tensor x = Tensor.uniform(rnd, 0, 1, 64, 784);
        int[] y = labels(rnd, 64);
        return () -> {
            sgd.zeroGrad();
            F.crossEntropy(model.forward(x), y).backward();
            sgd.step();
        };
    }

    /** That MLP's forward pass over 1,000 inputs inside no-grad, then argmax over the classes. */
    static Runnable eval() {
        Random rnd = new Random(3);
        Sequential model = Mlp.of(new int[] {784, 128, 10}, "relu", 0, rnd);
        model.eval();
        Tensor x = Tensor.uniform(rnd, 0, 1, 1000, 784);
        double[] sink = new double[1];
        return () -> {
            try (NoGradScope ignored = Autograd.noGrad()) {
                sink[0] += model.forward(x).argmax(1).get(0);
            }
        };
    }

    private static int[] labels(Random rnd, int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(10);
        }
        return y;
    }
}
