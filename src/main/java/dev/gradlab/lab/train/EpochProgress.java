package dev.gradlab.lab.train;

import dev.gradlab.scenario.GradientStrategy;
import org.jspecify.annotations.Nullable;

/**
 * An epoch of one strategy's run has finished and been evaluated.
 *
 * @param run      index of the strategy's run
 * @param boundary the model's decision boundary after this epoch, for 2-D data sets; null for images
 * @param done     steps finished over all runs so far, out of {@code total}
 */
public record EpochProgress(
        int run,
        GradientStrategy strategy,
        EpochRecord epoch,
        @Nullable DecisionGrid boundary,
        long done,
        long total) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
