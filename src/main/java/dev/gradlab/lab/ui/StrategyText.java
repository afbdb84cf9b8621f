package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import dev.gradlab.scenario.GradientStrategy;

/** Localized names and one-line descriptions of the gradient strategies ({@code accumulate-K} carries its K). */
final class StrategyText {

    private StrategyText() {}

    /** Looks a text up by key, e.g. a component's {@code getTranslation} or a fixed-locale provider. */
    @FunctionalInterface
    interface Translator {
        String get(String key, Object... args);
    }

    static String label(Component c, GradientStrategy strategy) {
        return label(c::getTranslation, strategy);
    }

    static String label(Translator t, GradientStrategy strategy) {
        return t.get(strategy.labelKey(), strategy.accumulation());
    }

    static String description(Component c, GradientStrategy strategy) {
        return c.getTranslation(strategy.labelKey() + ".desc", strategy.accumulation());
    }
}
