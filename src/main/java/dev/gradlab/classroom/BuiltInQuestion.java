package dev.gradlab.classroom;

import dev.gradlab.scenario.LocalizedText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A question shipped with GradLab ({@code classroom/questions.yaml}).
 *
 * @param scenario the scenario id it belongs to, or null when it fits every class
 * @param options  the choices, or for a bug question its code lines
 * @param answer   the correct option's 0-based index (choice and bug questions), else -1
 */
public record BuiltInQuestion(
        String id,
        @Nullable String scenario,
        QuestionKind kind,
        LocalizedText prompt,
        List<LocalizedText> options,
        int answer,
        int step,
        @Nullable String strategy,
        @Nullable String param,
        int index) {

    public BuiltInQuestion {
        options = List.copyOf(options);
    }

    boolean fits(String scenarioId) {
        return scenario == null || scenario.equals(scenarioId);
    }
}
