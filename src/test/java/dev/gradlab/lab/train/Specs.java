package dev.gradlab.lab.train;

import dev.gradlab.scenario.ModelSpec;
import dev.gradlab.scenario.OptimizerSpec;
import java.util.List;

/** Small model specs for tests. */
final class Specs {

    private Specs() {
    }

    static ModelSpec small(String dataset, int epochs, String... strategies) {
        return new ModelSpec(dataset, 80, 0.1, 0.25, null, new int[] {2, 4, 2}, "tanh", 0.0, 7, 10, epochs, 0.1,
                OptimizerSpec.sgd(), List.of(strategies.length == 0 ? new String[] {"zeroed"} : strategies));
    }

    /** Long enough (thousands of batches) that a test can cancel it mid-way. */
    static ModelSpec slow() {
        return new ModelSpec("spiral", 2000, 0.1, 0.25, null, new int[] {2, 32, 32, 2}, "relu", 0.0, 1, 1, 6, 0.01,
                OptimizerSpec.sgd(), List.of("zeroed", "summed"));
    }
}
