package dev.gradlab.authoring.ui;

import com.vaadin.flow.component.Component;
import dev.gradlab.authoring.AuthoringException;
import java.util.Objects;

/**
 * An authoring refusal in the reader's language. The service's own lines are English; only an invalid file keeps
 * its line as it is, because that is exactly what {@code run} prints for the same file (line, field, position).
 */
final class Refusals {

    private Refusals() {}

    /** The translation key for a refusal of this kind, or empty for an invalid file (shown as the parser says it). */
    static String key(AuthoringException.Reason reason) {
        return switch (reason) {
            case INVALID -> "";
            case NOT_FOUND -> "authoring.refused.not-found";
            case FORBIDDEN -> "authoring.refused.forbidden";
            case CONFLICT -> "authoring.refused.conflict";
            case LIMIT -> "authoring.refused.limit";
            case SIGN_IN -> "authoring.refused.sign-in";
        };
    }

    /** What to tell the reader; {@code limit} is the per-user cap a LIMIT refusal names. */
    static String text(Component in, AuthoringException e, int limit) {
        String key = key(e.reason());
        if (key.isEmpty()) {
            return Objects.requireNonNullElse(e.getMessage(), "");
        }
        return in.getTranslation(key, limit);
    }
}
