package dev.gradlab.authoring;

/** An authoring request refused, with one line a person can act on (for a bad file: exactly what {@code run} says). */
public final class AuthoringException extends RuntimeException {

    /**
     * Why: the text is invalid, there is no such scenario (for you), it is not yours, it changed, a limit, or nobody
     * is signed in as an instructor.
     */
    public enum Reason {
        INVALID,
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        LIMIT,
        SIGN_IN
    }

    private final Reason reason;

    AuthoringException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
