package dev.gradlab.scenario;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A question a scenario file brings for its live classes (the optional {@code questions:} list), in the form of the
 * built-in ones ({@code classroom/questions.yaml}). A number question names a value the engine computes when it is
 * posed; a choice or bug question names its correct option.
 *
 * @param prompt   the question, as students read it
 * @param options  the choices, or for a bug question the lines of its code; empty for a number question
 * @param answer   the correct option's 0-based index; null for a number question and for a choice without one (a poll)
 * @param step     a number question's step (1 … the scenario's batches), else 0
 * @param strategy a number question's strategy (one of the scenario's), else null
 * @param param    a number question's parameter, or {@code name.grad} for its gradient buffer, else null
 * @param index    a number question's element of that parameter (0-based, row-major), else 0
 */
public record ScenarioQuestion(
        String id,
        Kind kind,
        LocalizedText prompt,
        List<LocalizedText> options,
        @Nullable Integer answer,
        int step,
        @Nullable GradientStrategy strategy,
        @Nullable String param,
        int index) {

    /** As written in a file: {@code number}, {@code choice}, {@code bug} (spot the bug). */
    public enum Kind {
        NUMBER,
        CHOICE,
        BUG;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScenarioQuestion {
        options = List.copyOf(options);
    }
}
