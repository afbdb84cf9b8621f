package dev.gradlab.scenario.store;

/** A store request refused; the message is one line (for a parse error, exactly what {@code run} prints). */
public final class StoreException extends RuntimeException {

    /** Why, which the API maps to 400, 404, 403, 409 and 409/429 respectively. */
    public enum Reason {
        INVALID,
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        LIMIT
    }

    public static final String STALE = "changed by someone else since you opened it";

    private final Reason reason;

    StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
