package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;

/** Localized names and one-line descriptions of the gradient strategies ({@code accumulate-K} carries its K). */
final class StrategyText {

    private StrategyText() {}

    /** Looks a text up by key, e.g. a component's {@code getTranslation} or a fixed-locale provider. */
    @FunctionalInterface
    interface Translator {
        String get(String key, Object... args);
    }

    static String label(Component c, String strategy) {
        return label(c::getTranslation, strategy);
    }

    static String label(Translator t, String strategy) {
        int k = accumulation(strategy);
        return switch (strategy) {
            case "zeroed" -> t.get("strategy.zeroed");
            case "summed" -> t.get("strategy.summed");
            case "averaged" -> t.get("strategy.averaged");
            default -> k > 0 ? t.get("strategy.accumulate", k) : strategy;
        };
    }

    static String description(Component c, String strategy) {
        int k = accumulation(strategy);
        return switch (strategy) {
            case "zeroed" -> c.getTranslation("strategy.zeroed.desc");
            case "summed" -> c.getTranslation("strategy.summed.desc");
            case "averaged" -> c.getTranslation("strategy.averaged.desc");
            default -> k > 0 ? c.getTranslation("strategy.accumulate.desc", k) : "";
        };
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
