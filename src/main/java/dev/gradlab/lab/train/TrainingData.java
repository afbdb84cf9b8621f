package dev.gradlab.lab.train;

import dev.gradlab.engine.Tensor;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.data.Datasets;
import dev.gradlab.lab.data.FashionMnist;
import dev.gradlab.lab.data.TrainTest;
import dev.gradlab.scenario.ModelScenario;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * A model scenario's data: the split from {@link Datasets#load}, images normalised like the course's
 * {@code transforms.Normalize}, and the batch order of every epoch, fixed up front from the seed so that every
 * strategy sees the same batches in the same order.
 */
final class TrainingData {

    /** MNIST's customary normalisation ({@code Normalize((0.1307,), (0.3081,))}). */
    private static final double MNIST_MEAN = 0.1307;

    private static final double MNIST_STD = 0.3081;

    final Dataset train;
    final Dataset test;
    final int batchSize;
    /** {@code orders[e]}: the training examples' order in epoch e (0-based). */
    private final int[][] orders;

    TrainingData(ModelScenario spec) {
        TrainTest split = load(spec);
        this.train = split.train();
        this.test = split.test();
        this.batchSize = spec.batchSize();
        int[] layers = spec.layers();
        if (layers[0] != train.features()) {
            throw new ModelDataException("model.layers[0] is " + layers[0] + " but the data set " + train.describe()
                    + " has " + train.features() + " features per example");
        }
        if (layers[layers.length - 1] != train.classes()) {
            throw new ModelDataException("the last of model.layers is " + layers[layers.length - 1]
                    + " but the data set " + train.describe() + " has " + train.classes() + " classes");
        }
        // Shuffling draws from its own stream so it does not depend on how many numbers the weights took.
        Random shuffle = new Random(spec.seed() ^ 0x5DEECE66DL);
        orders = new int[spec.epochs()][];
        for (int e = 0; e < orders.length; e++) {
            int[] perm = new int[train.size()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            for (int i = perm.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            orders[e] = perm;
        }
    }

    /** The train/test split a model scenario trains on (image sets normalised), as the trainer sees it. */
    static TrainTest load(ModelScenario spec) {
        Path folder = spec.folder() == null ? null : dev.gradlab.lab.data.DatasetRoots.resolve(spec.folder());
        TrainTest tt =
                Datasets.load(spec.dataset(), spec.samples(), spec.noise(), spec.testFraction(), spec.seed(), folder);
        if (!tt.train().isImage()) {
            return tt;
        }
        boolean mnist = tt.train().name().equals("mnist");
        double mean = mnist ? MNIST_MEAN : FashionMnist.MEAN;
        double std = mnist ? MNIST_STD : FashionMnist.STD;
        return new TrainTest(tt.train().normalize(mean, std), tt.test().normalize(mean, std));
    }

    /** The training examples' order in every epoch (0-based indices into {@link #train}), a copy. */
    int[][] orders() {
        int[][] copy = new int[orders.length][];
        for (int e = 0; e < orders.length; e++) {
            copy[e] = orders[e].clone();
        }
        return copy;
    }

    int batchesPerEpoch() {
        return dev.gradlab.scenario.Limits.ceilDiv(train.size(), batchSize);
    }

    /** Batch {@code b} (0-based) of epoch {@code e} (0-based): its rows and labels. */
    Batch batch(int e, int b) {
        int from = b * batchSize;
        int to = Math.min(train.size(), from + batchSize);
        return rows(train, Arrays.copyOfRange(orders[e], from, to));
    }

    static Batch rows(Dataset d, int[] indices) {
        int f = d.features();
        double[] x = new double[indices.length * f];
        int[] y = new int[indices.length];
        double[][] dx = d.x();
        int[] dy = d.y();
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(dx[indices[r]], 0, x, r * f, f);
            y[r] = dy[indices[r]];
        }
        return new Batch(Tensor.of(x, indices.length, f), y);
    }

    /** Rows {@code [from, to)} of {@code d} in its own order. */
    static Batch range(Dataset d, int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return rows(d, indices);
    }

    record Batch(Tensor x, int[] y) {}
}
