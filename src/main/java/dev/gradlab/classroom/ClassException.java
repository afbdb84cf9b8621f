package dev.gradlab.classroom;

/** A refused class operation; the message is one line, as the API sends it. */
public class ClassException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        INVALID,
        NOT_FOUND,
        FORBIDDEN,
        /** Full, ended, already answered, already revealed: the request is fine but the class's state refuses it. */
        CONFLICT
    }

    private final Reason reason;

    public ClassException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code text} cut to 80 characters on one line, for quoting user input in a message. */
    public static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
