package dev.gradlab.lab;

import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.List;
import java.util.Map;

/** A scenario's runs, one per strategy in the order asked for. */
public record RunResult(Scenario scenario, List<StrategyRun> runs) {

    public RunResult {
        runs = List.copyOf(runs);
    }

    /** The parameters' initial values, which every strategy starts from (none for a model scenario). */
    public Map<String, TensorData> params() {
        return scenario.match(ManualScenario::params, ExpressionScenario::params, m -> Map.of());
    }
}
