package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;

/** Localized names and one-line descriptions of the gradient strategies ({@code accumulate-K} carries its K). */
final class StrategyText {

    private StrategyText() {}

    static String label(Component c, String strategy) {
        int k = accumulation(strategy);
        return k > 0 ? c.getTranslation("strategy.accumulate", k) : c.getTranslation("strategy." + strategy);
    }

    static String description(Component c, String strategy) {
        int k = accumulation(strategy);
        return k > 0 ? c.getTranslation("strategy.accumulate.desc", k)
                : c.getTranslation("strategy." + strategy + ".desc");
    }

    private static int accumulation(String strategy) {
        if (strategy.startsWith("accumulate-")) {
            try {
                return Integer.parseInt(strategy.substring("accumulate-".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
