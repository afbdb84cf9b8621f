package dev.gradlab.lab.ui;

import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Lab's state as it travels in a URL, {@code /lab/gd-by-hand?strategies=zeroed,summed&step=2}, and the checks
 * that turn a hand-edited or outdated link into a friendly message instead of an error page.
 */
record LabUrl(List<GradientStrategy> strategies, int step) {

    static final String STRATEGIES = "strategies";
    static final String STEP = "step";
    /** The strategy whose PyTorch code and computation graph are shown, e.g. {@code code=summed}. */
    static final String CODE = "code";
    /** Predict first ({@code predict=1}, see {@link PredictFirst}): then step 0, the start, is a step too. */
    static final String PREDICT = "predict";

    /** A message key with its arguments, for a link that cannot be shown. */
    record Problem(String key, List<Object> args) {}

    /** Either the state or the problem; exactly one is non-null. */
    record Parsed(@Nullable LabUrl state, @Nullable Problem problem) {
        Parsed {
            if ((state == null) == (problem == null)) {
                throw new IllegalArgumentException("a parsed link has either a state or a problem");
            }
        }
    }

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
        int first = predict(query) ? 0 : 1;
        int step = first;
        List<String> stepText = query.get(STEP);
        if (stepText != null && !stepText.isEmpty()) {
            String text = stepText.get(0).strip();
            try {
                step = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // a whole number beyond int (?step=99999999999) is a step out of range, not a non-number
                return text.matches("[-+]?[0-9]+")
                        ? problem("lab.error.step", Limits.cut(text, 20), steps)
                        : problem("lab.error.number", Limits.cut(text, 40));
            }
            if (step < first || step > steps) {
                return problem("lab.error.step", step, steps);
            }
        }
        return new Parsed(new LabUrl(List.copyOf(strategies), step), null);
    }

    /** The query string for this state, e.g. {@code strategies=zeroed,summed&step=2}. */
    Map<String, List<String>> query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put(
                STRATEGIES,
                List.of(String.join(
                        ",", strategies.stream().map(GradientStrategy::name).toList())));
        query.put(STEP, List.of(String.valueOf(step)));
        return query;
    }

    /**
     * The strategy the link asks the code and graph panels to show: null when the link names none, else a problem
     * when it is not one of the strategies shown.
     */
    static @Nullable String code(Map<String, List<String>> query) {
        List<String> given = query.get(CODE);
        if (given == null || given.isEmpty() || given.get(0).isBlank()) {
            return null;
        }
        return given.get(0).strip();
    }

    /** A problem when {@code code} is not one of this state's strategies, else null. */
    @Nullable
    Problem checkCode(@Nullable String code) {
        List<String> names = strategies.stream().map(GradientStrategy::name).toList();
        return code == null || names.contains(code)
                ? null
                : new Problem("lab.error.strategy", List.of(Limits.cut(code, 40), String.join(", ", names)));
    }

    /** The query string for this state with the code panel's strategy, e.g. {@code …&step=2&code=summed}. */
    Map<String, List<String>> query(String code) {
        Map<String, List<String>> query = new LinkedHashMap<>(query());
        if (!code.isEmpty()) {
            query.put(CODE, List.of(code));
        }
        return query;
    }

    static boolean predict(Map<String, List<String>> query) {
        List<String> given = query.get(PREDICT);
        return given != null && !given.isEmpty() && given.get(0).strip().equals("1");
    }

    /** {@code query} with {@code predict=1} when the mode is on. */
    static Map<String, List<String>> predict(Map<String, List<String>> query, boolean on) {
        Map<String, List<String>> with = new LinkedHashMap<>(query);
        if (on) {
            with.put(PREDICT, List.of("1"));
        }
        return with;
    }

    private static Parsed problem(String key, Object... args) {
        return new Parsed(null, new Problem(key, List.of(args)));
    }
}
