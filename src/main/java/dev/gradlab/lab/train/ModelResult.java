package dev.gradlab.lab.train;

import dev.gradlab.scenario.ModelScenario;
import java.util.List;

/**
 * A model scenario's runs, one per strategy in the order asked for.
 *
 * @param norms whether step records hold L2 norms instead of full values: true when the model has more than
 *              {@link ModelTrainer#FULL_VALUES_LIMIT} parameter values
 */
public record ModelResult(ModelScenario spec, boolean norms, List<ModelRun> runs) {

    public ModelResult {
        runs = List.copyOf(runs);
    }
}
