package dev.gradlab.lab.ui;

import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Lab's state as it travels in a URL, {@code /lab/gd-by-hand?strategies=zeroed,summed&step=2}, and the checks
 * that turn a hand-edited or outdated link into a friendly message instead of an error page.
 */
record LabUrl(List<GradientStrategy> strategies, int step) {

    static final String STRATEGIES = "strategies";
    static final String STEP = "step";

    /** A message key with its arguments, for a link that cannot be shown. */
    record Problem(String key, List<Object> args) {}

    /** Either the state or the problem; exactly one is non-null. */
    record Parsed(LabUrl state, Problem problem) {}

    /**
     * Reads the query parameters against the scenario's strategies and step count. No {@code strategies}: all of
     * them; no {@code step}: the first.
     */
    static Parsed parse(Map<String, List<String>> query, List<GradientStrategy> known, int steps) {
        List<GradientStrategy> strategies = new ArrayList<>();
        List<String> names = known.stream().map(GradientStrategy::name).toList();
        List<String> given = query.get(STRATEGIES);
        if (given == null || given.isEmpty()) {
            strategies.addAll(known);
        } else {
            for (String part : String.join(",", given).split(",")) {
                String name = part.strip();
                int index = names.indexOf(name);
                if (name.isEmpty() || index >= 0 && strategies.contains(known.get(index))) {
                    continue;
                }
                if (index < 0) {
                    return problem("lab.error.strategy", Limits.cut(name, 40), String.join(", ", names));
                }
                strategies.add(known.get(index));
            }
            // keep the scenario's order, so tables and chart colours do not depend on how the link was typed
            strategies.sort((a, b) -> known.indexOf(a) - known.indexOf(b));
        }
        int step = 1;
        List<String> stepText = query.get(STEP);
        if (stepText != null && !stepText.isEmpty()) {
            String text = stepText.get(0).strip();
            try {
                step = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // a whole number beyond int (?step=99999999999) is a step out of range, not a non-number
                return text.matches("[-+]?[0-9]+") ? problem("lab.error.step", Limits.cut(text, 20), steps)
                        : problem("lab.error.number", Limits.cut(text, 40));
            }
            if (step < 1 || step > steps) {
                return problem("lab.error.step", step, steps);
            }
        }
        return new Parsed(new LabUrl(List.copyOf(strategies), step), null);
    }

    /** The query string for this state, e.g. {@code strategies=zeroed,summed&step=2}. */
    Map<String, List<String>> query() {
        return Map.of(STRATEGIES, List.of(String.join(",", strategies.stream().map(GradientStrategy::name).toList())), STEP, List.of(String.valueOf(step)));
    }

    private static Parsed problem(String key, Object... args) {
        return new Parsed(null, new Problem(key, List.of(args)));
    }
}
