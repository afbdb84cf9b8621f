package dev.gradlab.lab;

import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioParser;

/** Small scenarios written inline for tests. */
final class Scenarios {

    private Scenarios() {}

    static Scenario parse(String yaml) {
        try {
            return ScenarioParser.parse(yaml, "test.yaml");
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A manual scenario: {@code params} and {@code gradients} in YAML flow syntax. */
    static Scenario manual(String params, String gradients, double lr, int epochs, String strategies) {
        return parse("id: t\ntitle: T\nkind: manual\nlearningRate: " + lr + "\nepochs: " + epochs + "\nstrategies: "
                + strategies + "\nparams: " + params + "\ngradients: " + gradients + "\n");
    }
}
