package dev.gradlab.scenario;

import java.util.List;

/** The common fields of a scenario built in a test rather than read from a file. */
public final class TestCommons {

    private TestCommons() {}

    /** A scenario {@code test} with these training settings; {@code strategies} by name. */
    public static Scenario.Common common(
            int epochs, double learningRate, OptimizerSpec optimizer, List<String> strategies) {
        return new Scenario.Common(
                "test",
                LocalizedText.of("Test"),
                null,
                learningRate,
                optimizer,
                strategies.stream().map(GradientStrategy::parse).toList(),
                epochs,
                "test.yaml",
                "",
                List.of());
    }
}
