package dev.gradlab.export;

import dev.gradlab.scenario.Scenario;
import java.util.Locale;

/** The {@code pytorch} export of a model scenario. */
public final class ModelScript {

    private ModelScript() {
    }

    public static String of(Scenario scenario, Locale locale) {
        throw new UnsupportedOperationException("the pytorch export of model scenarios is not written yet");
    }
}
