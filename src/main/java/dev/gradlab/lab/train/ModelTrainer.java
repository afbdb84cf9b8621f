package dev.gradlab.lab.train;

import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.data.TrainTest;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains a model scenario's MLP once per strategy: every strategy starts from the same initial weights
 * ({@code Mlp.of} with {@code new Random(seed)}) and sees the same batches in the same order (reshuffled every epoch
 * from the seed). The runs advance side by side, one epoch at a time, so live charts grow together; after each epoch
 * a strategy's model is evaluated on the test set in eval mode under no-grad. Plain Java: no threads, no Spring.
 */
public final class ModelTrainer {

    /** Models with more parameter values than this report L2 norms per step instead of every value. */
    public static final int FULL_VALUES_LIMIT = 1_000;
    /** Cells per side of the decision-boundary grid reported for 2-D data sets. */
    public static final int GRID_RESOLUTION = 40;

    public ModelResult train(ModelScenario spec) {
        return train(spec, TrainingProgress.NONE, () -> false);
    }

    /**
     * @param cancelled checked before every step; once true, training stops with a
     *                  {@link TrainingCancelledException}
     * @throws ModelDataException when the layers do not fit the data set
     * @throws dev.gradlab.lab.data.DatasetException when the data set cannot be loaded
     */
    public ModelResult train(ModelScenario spec, TrainingProgress progress, BooleanSupplier cancelled) {
        TrainingData data = new TrainingData(spec);
        boolean norms = spec.parameterCount() > FULL_VALUES_LIMIT;
        List<StrategyTraining> runs = new ArrayList<>();
        for (GradientStrategy strategy : spec.strategies()) {
            runs.add(new StrategyTraining(spec, strategy, norms));
        }
        int batches = data.batchesPerEpoch();
        long total = (long) runs.size() * spec.epochs() * batches;
        long done = 0;
        boolean twoD = data.train.features() == 2;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            for (int r = 0; r < runs.size(); r++) {
                StrategyTraining run = runs.get(r);
                GradientStrategy name = run.strategy;
                if (run.diverged != null) {
                    done += batches; // a diverged run stops: its remaining steps count as done
                    continue;
                }
                double lossSum = 0;
                int step = (epoch - 1) * batches;
                for (int b = 1; b <= batches; b++) {
                    if (cancelled.getAsBoolean()) {
                        throw new TrainingCancelledException(done, total);
                    }
                    TrainingData.Batch batch = data.batch(epoch - 1, b - 1);
                    StepRecord record = run.batch(step + b, epoch, b, batches, batch);
                    lossSum += record.loss() == null ? Double.NaN : record.loss() * batch.y().length;
                    done++;
                    progress.onStep(new StepProgress(r, name, record, done, total));
                    if (run.diverged != null) {
                        done += batches - b;
                        break;
                    }
                }
                EpochRecord record;
                if (run.diverged != null) {
                    record = new EpochRecord(epoch, Double.NaN, Double.NaN, Double.NaN);
                } else {
                    Evaluation.Score score = Evaluation.score(run.model, data.test);
                    record = new EpochRecord(epoch, lossSum / data.train.size(), score.loss(), score.accuracy());
                }
                run.epochs.add(record);
                DecisionGrid grid = twoD && run.diverged == null && progress != TrainingProgress.NONE
                        ? Evaluation.grid(run.model, data.train, GRID_RESOLUTION)
                        : null;
                progress.onEpoch(new EpochProgress(r, name, record, grid, done, total));
            }
        }
        return new ModelResult(
                spec, norms, runs.stream().map(StrategyTraining::result).toList());
    }

    /**
     * The initial weights and biases {@link #train} starts every strategy from, by PyTorch-style name
     * ({@code 0.weight}, {@code 0.bias}, ...), flattened row-major; for exporting the same start.
     */
    public static java.util.Map<String, double[]> initialParameters(ModelScenario spec) {
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        StrategyTraining.initialModel(spec).namedParameters().forEach((name, p) -> out.put(name, p.toArray()));
        return out;
    }

    /** The order of the training examples in every epoch that {@link #train} uses, e.g. to export the same batches. */
    public static int[][] batchOrders(ModelScenario spec) {
        return new TrainingData(spec).orders();
    }

    /** The train/test split {@link #train} uses for {@code spec} (image sets normalised), e.g. to plot the points. */
    public static TrainTest data(ModelScenario spec) {
        return TrainingData.load(spec);
    }
}
