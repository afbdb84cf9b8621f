package dev.gradlab.lab;

import dev.gradlab.scenario.Scenario;
import java.util.List;

/** A scenario's runs, one per strategy in the order asked for. */
public record RunResult(Scenario scenario, List<StrategyRun> runs) {

    public RunResult {
        runs = List.copyOf(runs);
    }
}
