package dev.gradlab.lab.train;

/**
 * A job the service will not take now: too many jobs of this session or address, too many submissions from this
 * address in the last minute, or the queue is full. The message says which in
 * English (for logs and the command line); {@link #reason()} and {@link #limit()} let a page say it in its own language.
 */
public final class TrainingRejectedException extends RuntimeException {

    /** Why a job was refused. */
    public enum Reason {
        SHUTTING_DOWN,
        SESSION_LIMIT,
        ADDRESS_LIMIT,
        /** The client address submitted too many jobs in the last minute. */
        RATE_LIMIT,
        QUEUE_FULL
    }

    private final Reason reason;
    private final int limit;

    TrainingRejectedException(Reason reason, int limit, String message) {
        super(message);
        this.reason = reason;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The cap that was reached: jobs per session or per client address, submissions per address a minute, or jobs
     * waiting overall; 0 when shutting down.
     */
    public int limit() {
        return limit;
    }
}
