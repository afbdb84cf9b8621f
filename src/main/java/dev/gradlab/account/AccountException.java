package dev.gradlab.account;

/** A request about accounts that cannot be done; the message is one line for the user. */
public final class AccountException extends RuntimeException {

    /** Why: the API answers 400 for {@code INVALID}, 409 for {@code DUPLICATE}, 404 for {@code NO_SUCH_USER}. */
    public enum Reason {
        INVALID,
        DUPLICATE,
        NO_SUCH_USER,
        WRONG_PASSWORD
    }

    private final Reason reason;

    AccountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
