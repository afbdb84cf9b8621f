package dev.gradlab.lab.nograd;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.F;
import dev.gradlab.engine.GraphStats;
import dev.gradlab.engine.NoGradScope;
import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Sequential;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.data.Datasets;
import dev.gradlab.lab.data.FashionMnist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Runs the notebook's evaluation loop on real test batches in the ways the no_grad lesson compares, and reports
 * what the engine recorded. Every call builds its model afresh from the recipe ({@code Mlp.of(layers, activation,
 * dropout, new Random(seed))}), so results are reproducible and calls are independent; safe to call from several
 * threads at once.
 */
public final class NoGradFacts {

    private final int[] layers;
    private final String activation;
    private final double dropout;
    private final long seed;
    private final Dataset test;
    private final int batchSize;

    /** {@code test}'s examples must have {@code layers[0]} features; batches are its consecutive rows. */
    public NoGradFacts(int[] layers, String activation, double dropout, long seed, Dataset test, int batchSize) {
        if (layers.length < 2 || layers[0] != test.features() || layers[layers.length - 1] != test.classes()) {
            throw new IllegalArgumentException("layers " + Arrays.toString(layers) + " do not fit " + test.describe());
        }
        if (batchSize < 1 || batchSize > test.size()) {
            throw new IllegalArgumentException("batchSize must be in 1.." + test.size() + ", got " + batchSize);
        }
        this.layers = layers.clone();
        this.activation = activation;
        this.dropout = dropout;
        this.seed = seed;
        this.test = test;
        this.batchSize = batchSize;
    }

    /**
     * The course's setting: an MLP 784-128-10 (ReLU, dropout 0.2, seed 42) over the bundled Fashion-MNIST test images
     * (normalised like the notebook), in batches of 100.
     */
    public static NoGradFacts fashionMnist() {
        Dataset test = Datasets.fashionMnist().test().normalize(FashionMnist.MEAN, FashionMnist.STD);
        return new NoGradFacts(new int[] {784, 128, 10}, "relu", 0.2, 42, test, 100);
    }

    /** How many full batches the test set holds. */
    public int batches() {
        return test.size() / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Lesson part 1: the first {@code batches} test batches, each evaluated without and then with no-grad. */
    public List<BatchComparison> compareEvaluation(int batches) {
        checkBatches(batches);
        Sequential model = model();
        model.eval();
        // one unrecorded round first, so the JIT's warm-up does not land on batch 1
        pass(model, batch(0), false);
        pass(model, batch(0), true);
        List<BatchComparison> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            Batch batch = batch(b);
            out.add(new BatchComparison(b + 1, batch.y.length, pass(model, batch, false), pass(model, batch, true)));
        }
        return out;
    }

    /**
     * Lesson part 1, measured so that the verdict can be trusted: {@code warmups} untimed rounds over all the
     * batches (the JIT compiles the loops), then {@code repetitions} timed rounds; within a round every batch runs
     * with grad and then inside no-grad, alternating which goes first from round to round so neither side always
     * meets a warmer cache. Graph sizes, losses and hits come from the last round (they are the same in every one).
     */
    public EvaluationTiming measureEvaluation(int batches, int warmups, int repetitions) {
        checkBatches(batches);
        if (warmups < 0 || repetitions < 1) {
            throw new IllegalArgumentException(
                    "need warmups >= 0 and repetitions >= 1, got " + warmups + " and " + repetitions);
        }
        Sequential model = model();
        model.eval();
        List<Batch> data = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            data.add(batch(b));
        }
        for (int w = 0; w < warmups; w++) {
            for (Batch batch : data) {
                pass(model, batch, false);
                pass(model, batch, true);
            }
        }
        long[][] withNanos = new long[batches][repetitions];
        long[][] withoutNanos = new long[batches][repetitions];
        long[] withTotals = new long[repetitions];
        long[] withoutTotals = new long[repetitions];
        PassFacts[] lastWith = new PassFacts[batches];
        PassFacts[] lastWithout = new PassFacts[batches];
        for (int r = 0; r < repetitions; r++) {
            boolean noGradFirst = r % 2 == 1;
            for (int b = 0; b < batches; b++) {
                Batch batch = data.get(b);
                PassFacts first = pass(model, batch, noGradFirst);
                PassFacts second = pass(model, batch, !noGradFirst);
                lastWith[b] = noGradFirst ? second : first;
                lastWithout[b] = noGradFirst ? first : second;
                withNanos[b][r] = lastWith[b].nanos();
                withoutNanos[b][r] = lastWithout[b].nanos();
                withTotals[r] += withNanos[b][r];
                withoutTotals[r] += withoutNanos[b][r];
            }
        }
        List<BatchComparison> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            out.add(new BatchComparison(
                    b + 1,
                    data.get(b).y.length,
                    withNanos(lastWith[b], TimingVerdict.Spread.of(withNanos[b]).median()),
                    withNanos(
                            lastWithout[b],
                            TimingVerdict.Spread.of(withoutNanos[b]).median())));
        }
        return new EvaluationTiming(out, repetitions, TimingVerdict.of(withTotals, withoutTotals));
    }

    private static PassFacts withNanos(PassFacts p, long nanos) {
        return new PassFacts(p.graph(), nanos, p.requiresGrad(), p.gradFn(), p.loss(), p.correct());
    }

    private static PassFacts pass(Sequential model, Batch batch, boolean noGrad) {
        long start = System.nanoTime();
        Tensor loss;
        int correct;
        try (NoGradScope ignored = noGrad ? Autograd.noGrad() : Autograd.enableGrad()) {
            Tensor logits = model.forward(batch.x);
            loss = F.crossEntropy(logits, batch.y);
            correct = hits(logits, batch.y);
        }
        long nanos = System.nanoTime() - start;
        return new PassFacts(loss.graphStats(), nanos, loss.requiresGrad(), loss.gradFn(), loss.item(), correct);
    }

    /**
     * Lesson part 2: the running test loss added up three ways over the first {@code batches} batches; after each
     * batch, what the running total keeps alive.
     */
    public List<LeakPoint> leak(int batches) {
        checkBatches(batches);
        Sequential model = model();
        model.eval();
        Tensor tensorTotal = Tensor.scalar(0);
        double itemTotal = 0;
        Tensor noGradTotal = Tensor.scalar(0);
        List<LeakPoint> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            Batch batch = batch(b);
            try (NoGradScope on = Autograd.enableGrad()) {
                tensorTotal = tensorTotal.add(F.crossEntropy(model.forward(batch.x), batch.y)); // the leak
                itemTotal += F.crossEntropy(model.forward(batch.x), batch.y).item(); // graph dropped at once
            }
            try (NoGradScope off = Autograd.noGrad()) {
                noGradTotal = noGradTotal.add(F.crossEntropy(model.forward(batch.x), batch.y));
            }
            out.add(new LeakPoint(
                    b + 1, tensorTotal.graphStats(), GraphStats.EMPTY, noGradTotal.graphStats(), itemTotal));
        }
        return out;
    }

    /** Lesson part 3: backward() on a loss computed inside no-grad, and the engine's exact refusal. */
    public BackwardFailure backwardOnNoGradResult() {
        Sequential model = model();
        model.eval();
        Batch batch = batch(0);
        Tensor loss;
        String inside;
        try (NoGradScope off = Autograd.noGrad()) {
            loss = F.crossEntropy(model.forward(batch.x), batch.y);
            inside = backwardMessage(loss);
        }
        String after;
        try (NoGradScope on = Autograd.enableGrad()) {
            after = backwardMessage(loss);
        }
        return new BackwardFailure(loss.requiresGrad(), loss.gradFn() != null, after, inside);
    }

    private static String backwardMessage(Tensor loss) {
        try {
            loss.backward();
        } catch (AutogradException e) {
            return Objects.requireNonNullElse(e.getMessage(), e.toString());
        }
        throw new IllegalStateException("backward() on a no-grad result unexpectedly succeeded");
    }

    /**
     * Lesson part 4: the same {@code rows} test rows through the same model (dropout {@code p}) in the four
     * combinations of train/eval mode and grad/no-grad, in the order (train, grad), (train, no-grad), (eval, grad),
     * (eval, no-grad). Each cell rebuilds the model from the seed, so dropout draws the same masks in train mode:
     * eval changes the outputs, no-grad never does; no-grad alone stops the recording.
     */
    public List<ModeFacts> evalVersusNoGrad(double p, int rows) {
        if (rows < 1 || rows > test.size()) {
            throw new IllegalArgumentException("rows must be in 1.." + test.size() + ", got " + rows);
        }
        Batch batch = rows(0, rows);
        List<ModeFacts> out = new ArrayList<>();
        for (boolean evalMode : new boolean[] {false, true}) {
            for (boolean noGrad : new boolean[] {false, true}) {
                Sequential model = Mlp.of(layers, activation, p, new Random(seed));
                model.train(!evalMode);
                Tensor y;
                try (NoGradScope scope = noGrad ? Autograd.noGrad() : Autograd.enableGrad()) {
                    y = model.forward(batch.x);
                }
                out.add(new ModeFacts(evalMode, noGrad, y.toMatrix(), y.requiresGrad(), y.graphStats()));
            }
        }
        return out;
    }

    /** The recipe's model, fresh from its seed. */
    Sequential model() {
        return Mlp.of(layers, activation, dropout, new Random(seed));
    }

    private void checkBatches(int batches) {
        if (batches < 1 || batches > batches()) {
            throw new IllegalArgumentException("batches must be in 1.." + batches() + " (" + test.size()
                    + " test examples in batches of " + batchSize + "), got " + batches);
        }
    }

    private Batch batch(int b) {
        return rows(b * batchSize, (b + 1) * batchSize);
    }

    private Batch rows(int from, int to) {
        int f = test.features();
        double[] x = new double[(to - from) * f];
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(test.x()[i], 0, x, (i - from) * f, f);
            y[i - from] = test.y()[i];
        }
        return new Batch(Tensor.of(x, to - from, f), y);
    }

    private static int hits(Tensor logits, int[] labels) {
        double[] predicted = logits.argmax(1).toArray();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((int) predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    private record Batch(Tensor x, int[] y) {}
}
