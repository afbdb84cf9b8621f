package dev.gradlab.authoring;

import dev.gradlab.scenario.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * The editor's verdict on an unsaved text: the parsed scenario, or the one-line problem {@code run} would print, with
 * its parts (line, field, position in the loss) so the editor can show it at the right place.
 */
public record Check(@Nullable Scenario scenario, @Nullable Problem problem) {

    /**
     * @param message  the whole line, e.g. {@code scenario.yaml: line 6, loss, position 9: unknown name 'v' …}
     * @param line     1-based line in the text, when known
     * @param field    the field, e.g. {@code loss}, {@code params.theta}, {@code gradients[2]}, when known
     * @param position 1-based position in the loss, when the problem is inside it
     */
    public record Problem(
            String message,
            @Nullable Integer line,
            @Nullable String field,
            @Nullable Integer position) {}

    public boolean ok() {
        return problem == null;
    }
}
