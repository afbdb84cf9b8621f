package dev.gradlab.lab.train;

import dev.gradlab.lab.StepRecord;
import dev.gradlab.scenario.GradientStrategy;

/**
 * A batch of one strategy's run has finished.
 *
 * @param run  index of the strategy's run (order of the scenario's strategies)
 * @param done steps finished over all runs so far, out of {@code total}
 */
public record StepProgress(int run, GradientStrategy strategy, StepRecord step, long done, long total) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
