package dev.gradlab.lab;

/** A run stopped because it took longer than its {@link RunDeadline}; the message is one line for people. */
public final class RunDeadlineException extends RuntimeException {

    private final double seconds;

    public RunDeadlineException(double seconds) {
        super("cancelled: the run took longer than its deadline of " + RunDeadline.text(seconds) + " s");
        this.seconds = seconds;
    }

    /** The deadline that was passed, in seconds. */
    public double seconds() {
        return seconds;
    }
}
