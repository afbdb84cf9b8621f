package dev.gradlab.scenario;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@code kind: model} scenario asks for: the data set, the MLP, and how to train it. Self-contained, so
 * the model trainer needs nothing else; the scenario's common fields (epochs, learning rate, optimizer, strategies)
 * are repeated here from the same file.
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
 * @param strategies   canonical strategy names, as {@link Scenario#strategies()}
 */
public record ModelSpec(String dataset, int samples, double noise, double testFraction, @Nullable String folder,
        int[] layers, String activation, double dropout, long seed, int batchSize, int epochs, double learningRate,
        OptimizerSpec optimizer, List<String> strategies) {

    public ModelSpec {
        layers = layers.clone();
        strategies = List.copyOf(strategies);
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

    /** Weights and biases in the MLP: Σ (in·out + out) over consecutive layer sizes. */
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i + 1 < layers.length; i++) {
            n += (long) layers[i] * layers[i + 1] + layers[i + 1];
        }
        return n;
    }

    /** A copy with other strategies (e.g. the Lab running only some of them). */
    public ModelSpec withStrategies(List<String> strategies) {
        return new ModelSpec(dataset, samples, noise, testFraction, folder, layers, activation, dropout, seed,
                batchSize, epochs, learningRate, optimizer, strategies);
    }

    /** A copy with another number of epochs (e.g. a quicker demo). */
    public ModelSpec withEpochs(int epochs) {
        return new ModelSpec(dataset, samples, noise, testFraction, folder, layers, activation, dropout, seed,
                batchSize, epochs, learningRate, optimizer, strategies);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ModelSpec m && dataset.equals(m.dataset) && samples == m.samples
                && Double.compare(noise, m.noise) == 0 && Double.compare(testFraction, m.testFraction) == 0
                && java.util.Objects.equals(folder, m.folder) && Arrays.equals(layers, m.layers)
                && activation.equals(m.activation) && Double.compare(dropout, m.dropout) == 0 && seed == m.seed
                && batchSize == m.batchSize && epochs == m.epochs && Double.compare(learningRate, m.learningRate) == 0
                && optimizer.equals(m.optimizer) && strategies.equals(m.strategies);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(dataset, samples, seed, epochs, strategies) + Arrays.hashCode(layers);
    }

    @Override
    public String toString() {
        return "ModelSpec[" + dataset + ", layers " + Arrays.toString(layers) + " " + activation + ", seed " + seed
                + ", batch " + batchSize + ", " + epochs + " epochs, lr " + learningRate + ", " + strategies + "]";
    }
}
