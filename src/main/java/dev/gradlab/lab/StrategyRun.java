package dev.gradlab.lab;

import dev.gradlab.scenario.GradientStrategy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One strategy's independent run; {@code diverged} is the first step whose values were not finite, or null. */
public record StrategyRun(
        GradientStrategy strategy,
        List<StepRecord> steps,
        @Nullable Integer diverged) {

    public StrategyRun {
        steps = List.copyOf(steps);
    }
}
