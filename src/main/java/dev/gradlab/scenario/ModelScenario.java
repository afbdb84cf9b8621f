package dev.gradlab.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code kind: model}: an MLP trained on a data set, once per strategy. Batches are the training set's, reshuffled
 * every epoch from the seed.
 *
 * @param dataset      {@code spiral}, {@code xor}, {@code circle}, {@code gaussian}, {@code fashion-mnist} or
 *                     {@code mnist}
 * @param samples      generated sets: how many points (train + test); ignored by image sets
 * @param noise        generated sets: the playground's noise (0 … 1); ignored by image sets
 * @param testFraction generated sets: the share held out for testing; image sets keep their files' split
 * @param folder       image sets: a folder with the four IDX files instead of the bundled subset; null for none
 * @param layers       sizes, input first: {@code [2, 16, 16, 2]}
 * @param activation   {@code relu}, {@code tanh} or {@code sigmoid}
 * @param dropout      dropout probability after every hidden activation, in [0, 1)
 * @param seed         initial weights, data generation, the split and the shuffling all come from it
 * @param batchSize    training examples per batch
 */
public record ModelScenario(
        Common common,
        String dataset,
        int samples,
        double noise,
        double testFraction,
        @Nullable String folder,
        int[] layers,
        String activation,
        double dropout,
        long seed,
        int batchSize)
        implements Scenario {

    public ModelScenario {
        layers = layers.clone();
    }

    @Override
    public <R> R match(
            Function<ManualScenario, R> manual,
            Function<ExpressionScenario, R> expression,
            Function<ModelScenario, R> model) {
        return model.apply(this);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** Inputs per example: the first layer size. */
    public int features() {
        return layers[0];
    }

    /** Outputs (classes): the last layer size. */
    public int classes() {
        return layers[layers.length - 1];
    }

    /**
     * Training examples, when known before loading: generated sets keep {@code samples - round(samples * testFraction)},
     * the bundled Fashion-MNIST subset 6,000; -1 for image files from a folder (or an unknown data set).
     */
    public int trainExamples() {
        int[] shape = ModelReader.DATASETS.get(dataset);
        if (shape == null) {
            return -1;
        }
        if (shape[0] == 2) {
            return samples - (int) Math.round(samples * testFraction);
        }
        return folder == null ? ModelReader.BUNDLED_TRAIN : -1;
    }

    /** 0 when the training examples are only known after loading (image files from a folder). */
    @Override
    public int batchesPerEpoch() {
        int train = trainExamples();
        return train < 0 ? 0 : Limits.ceilDiv(train, batchSize);
    }

    /** Weights and biases in the MLP: Σ (in·out + out) over consecutive layer sizes. */
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i + 1 < layers.length; i++) {
            n += (long) layers[i] * layers[i + 1] + layers[i + 1];
        }
        return n;
    }

    @Override
    public ModelScenario withStrategies(List<GradientStrategy> strategies) {
        return withCommon(common.withStrategies(strategies));
    }

    @Override
    public ModelScenario withEpochs(int epochs) {
        return withCommon(common.withEpochs(epochs));
    }

    @Override
    public ModelScenario withLearningRate(double learningRate) {
        return withCommon(common.withLearningRate(learningRate));
    }

    @Override
    public ModelScenario withOptimizer(OptimizerSpec optimizer) {
        return withCommon(common.withOptimizer(optimizer));
    }

    @Override
    public ModelScenario withBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(common.fileName() + ": batchSize >= 1, got " + batchSize);
        }
        return new ModelScenario(
                common, dataset, samples, noise, testFraction, folder, layers, activation, dropout, seed, batchSize);
    }

    private ModelScenario withCommon(Common other) {
        return new ModelScenario(
                other, dataset, samples, noise, testFraction, folder, layers, activation, dropout, seed, batchSize);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ModelScenario m
                && common.equals(m.common)
                && dataset.equals(m.dataset)
                && samples == m.samples
                && Double.compare(noise, m.noise) == 0
                && Double.compare(testFraction, m.testFraction) == 0
                && Objects.equals(folder, m.folder)
                && Arrays.equals(layers, m.layers)
                && activation.equals(m.activation)
                && Double.compare(dropout, m.dropout) == 0
                && seed == m.seed
                && batchSize == m.batchSize;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(common, dataset, samples, seed, batchSize) + Arrays.hashCode(layers);
    }

    @Override
    public String toString() {
        return "ModelScenario[" + common.id() + ": " + dataset + ", layers " + Arrays.toString(layers) + " "
                + activation + ", seed " + seed + ", batch " + batchSize + ", " + common.epochs() + " epochs, lr "
                + common.learningRate() + ", " + common.strategies() + "]";
    }
}
