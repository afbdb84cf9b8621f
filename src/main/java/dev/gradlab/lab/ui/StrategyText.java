package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import dev.gradlab.scenario.GradientStrategy;

/** Localized names and one-line descriptions of the gradient strategies ({@code accumulate-K} carries its K). */
final class StrategyText {

    private StrategyText() {}

    static String label(Component c, GradientStrategy strategy) {
        return c.getTranslation(strategy.labelKey(), strategy.accumulation());
    }

    static String description(Component c, GradientStrategy strategy) {
        return c.getTranslation(strategy.labelKey() + ".desc", strategy.accumulation());
    }
}
