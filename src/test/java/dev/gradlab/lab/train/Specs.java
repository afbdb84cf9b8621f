package dev.gradlab.lab.train;

import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.TestCommons;
import java.util.List;

/** Small model specs for tests. */
final class Specs {

    private Specs() {}

    static ModelScenario small(String dataset, int epochs, String... strategies) {
        return new ModelScenario(
                TestCommons.common(
                        epochs,
                        0.1,
                        OptimizerSpec.sgd(),
                        List.of(strategies.length == 0 ? new String[] {"zeroed"} : strategies)),
                dataset,
                80,
                0.1,
                0.25,
                null,
                new int[] {2, 4, 2},
                "tanh",
                0.0,
                7,
                10);
    }

    /** Long enough (thousands of batches) that a test can cancel it mid-way. */
    static ModelScenario slow() {
        return new ModelScenario(
                TestCommons.common(6, 0.01, OptimizerSpec.sgd(), List.of("zeroed", "summed")),
                "spiral",
                2000,
                0.1,
                0.25,
                null,
                new int[] {2, 32, 32, 2},
                "relu",
                0.0,
                1,
                1);
    }
}
