package dev.gradlab.lab;

import dev.gradlab.lab.LabSettings.Field;
import dev.gradlab.lab.LabSettings.Problem;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Limits;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.RunLimits;
import dev.gradlab.scenario.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * The ranges of the Lab's settings: the optimizer's as {@code OptimizerReader} reads them from a file (PyTorch's), the
 * counts within {@link Limits} and {@link RunLimits}. Each problem is a message key and its arguments, translated by
 * the view.
 */
final class SettingsCheck {

    private SettingsCheck() {}

    static @Nullable Problem check(Scenario base, LabSettings s, @Nullable Field changed) {
        if (!(s.learningRate() >= 0) || Double.isInfinite(s.learningRate())) {
            return new Problem(Field.LEARNING_RATE, "settings.error.min", 0);
        }
        Problem optimizer = optimizer(s.optimizer());
        if (optimizer != null) {
            return optimizer;
        }
        if ((base.batchSize() == 0) != (s.batchSize() == 0)) {
            throw new IllegalArgumentException("a batch size only where the scenario has one");
        }
        if (base.batchSize() > 0) {
            int max = maxBatch(base);
            if (s.batchSize() < 1 || s.batchSize() > max) {
                return new Problem(Field.BATCH_SIZE, "settings.error.range", 1, max);
            }
        }
        int k = LabSettings.firstAccumulation(base);
        if ((k == 0) != (s.accumulation() == 0)) {
            throw new IllegalArgumentException("a K only where the scenario has an accumulate-K strategy");
        }
        if (k > 0) {
            if (s.accumulation() < 2 || s.accumulation() > Limits.MAX_BATCHES) {
                return new Problem(Field.ACCUMULATION, "settings.error.range", 2, (int) Limits.MAX_BATCHES);
            }
            if (s.accumulation() != k
                    && base.strategies().contains(new GradientStrategy.Accumulate(s.accumulation()))) {
                return new Problem(Field.ACCUMULATION, "settings.error.k-twice", s.accumulation());
            }
        }
        if (s.epochs() < 1) {
            return new Problem(Field.EPOCHS, "settings.error.min", 1);
        }
        Scenario one = withoutEpochs(base, s);
        if (s.batchSize() != base.batchSize()) {
            String loss = RunLimits.lossProblem(one);
            if (loss != null) {
                return new Problem(Field.BATCH_SIZE, "settings.error.loss", s.batchSize(), Limits.shorten(loss));
            }
        }
        RunLimits.EpochBound bound = RunLimits.maxEpochs(one);
        if (s.epochs() > bound.maxEpochs()) {
            Problem epochs = epochsProblem(bound);
            if (changed == Field.BATCH_SIZE || bound.maxEpochs() == 0) {
                return new Problem(
                        Field.BATCH_SIZE,
                        "settings.error.batch-epochs",
                        java.util.List.of(s.batchSize(), s.epochs()),
                        epochs);
            }
            return epochs;
        }
        return null;
    }

    /** The settings applied with one epoch: what the epoch limits are measured on. */
    static Scenario withoutEpochs(Scenario base, LabSettings s) {
        return s.withEpochs(1).applyTo(base);
    }

    private static Problem epochsProblem(RunLimits.EpochBound bound) {
        return new Problem(
                Field.EPOCHS, "settings.error.epochs." + bound.limit().name(), bound.maxEpochs());
    }

    /** Rows of data, or training examples: a larger batch is the same one batch of everything. */
    static int maxBatch(Scenario base) {
        return base.match(m -> 0, e -> e.rows(), m -> m.trainExamples() > 0 ? m.trainExamples() : Limits.FOLDER_TRAIN);
    }

    private static @Nullable Problem optimizer(OptimizerSpec o) {
        if (!nonNegative(o.weightDecay())) {
            return new Problem(Field.WEIGHT_DECAY, "settings.error.min", 0);
        }
        if (o.type() == OptimizerSpec.Type.SGD) {
            if (!nonNegative(o.momentum())) {
                return new Problem(Field.MOMENTUM, "settings.error.min", 0);
            }
            if (!(o.dampening() >= 0 && o.dampening() <= 1)) {
                return new Problem(Field.DAMPENING, "settings.error.range", 0, 1);
            }
            if (o.nesterov() && (o.momentum() <= 0 || o.dampening() != 0)) {
                return new Problem(Field.NESTEROV, "settings.error.nesterov");
            }
            return null;
        }
        if (!(o.beta1() >= 0 && o.beta1() < 1)) {
            return new Problem(Field.BETA1, "settings.error.below", 0, 1);
        }
        if (!(o.beta2() >= 0 && o.beta2() < 1)) {
            return new Problem(Field.BETA2, "settings.error.below", 0, 1);
        }
        if (!nonNegative(o.eps())) {
            return new Problem(Field.EPS, "settings.error.min", 0);
        }
        return null;
    }

    private static boolean nonNegative(double v) {
        return v >= 0 && Double.isFinite(v);
    }
}
