package dev.gradlab.export;

import dev.gradlab.scenario.Scenario;

/** The {@code yaml} export: the scenario's file exactly as its author wrote it (comments, order and all). */
public final class YamlExport {

    private YamlExport() {}

    public static String of(Scenario scenario) {
        return scenario.source();
    }
}
