package dev.gradlab.lab.train;

import dev.gradlab.lab.StepRecord;
import dev.gradlab.scenario.GradientStrategy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One strategy's training run. Its steps are {@link StepRecord}s like a scenario run's; when the result
 * {@link ModelResult#norms() uses norms}, every value in their {@code grad}, {@code applied} and {@code params} maps is
 * a one-element array holding that tensor's L2 norm instead of its flattened values.
 *
 * @param diverged the first step whose loss or parameters were not finite (training of this strategy stopped
 *                 there), or null
 */
public record ModelRun(
        GradientStrategy strategy,
        List<StepRecord> steps,
        List<EpochRecord> epochs,
        @Nullable Integer diverged) {

    public ModelRun {
        steps = List.copyOf(steps);
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's record, or null if none finished. */
    public @Nullable EpochRecord last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
