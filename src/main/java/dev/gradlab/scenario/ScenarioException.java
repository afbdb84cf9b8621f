package dev.gradlab.scenario;

import org.jspecify.annotations.Nullable;

/**
 * A scenario that cannot be used, with everything needed for one clear line: the file, the line (when known), the
 * field (e.g. {@code params.theta}, {@code gradients[2]}), the position in the loss expression (1-based) and the cause.
 */
public final class ScenarioException extends Exception {

    private final String fileName;
    private final @Nullable Integer line;
    private final @Nullable String field;
    private final @Nullable Integer position;
    private final String cause;

    public ScenarioException(
            String fileName, @Nullable Integer line, @Nullable String field, @Nullable Integer position, String cause) {
        super(format(fileName, line, field, position, cause));
        this.fileName = fileName;
        this.line = line;
        this.field = field;
        this.position = position;
        this.cause = cause;
    }

    private static String format(
            String fileName, @Nullable Integer line, @Nullable String field, @Nullable Integer position, String cause) {
        StringBuilder s = new StringBuilder(fileName);
        if (line != null) {
            s.append(": line ").append(line);
        }
        if (field != null) {
            s.append(line != null ? ", " : ": ").append(Limits.cut(field, 2 * Limits.MAX_QUOTE)); // keys can be long
        }
        if (position != null) {
            s.append(", position ").append(position);
        }
        // One line, always: causes quoted from YAML libraries may span several.
        return s.append(": ")
                .append(Limits.shorten(cause.replaceAll("\\s*\\R\\s*", " ").strip()))
                .toString();
    }

    public String fileName() {
        return fileName;
    }

    public @Nullable Integer line() {
        return line;
    }

    public @Nullable String field() {
        return field;
    }

    /** 1-based position in the loss expression, or null when the problem is not inside the loss. */
    public @Nullable Integer position() {
        return position;
    }

    public String reason() {
        return cause;
    }
}
