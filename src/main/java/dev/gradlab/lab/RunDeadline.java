package dev.gradlab.lab;

import java.math.BigDecimal;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The wall-clock limit of one run ({@code gradlab.run.deadline}, in seconds; default 300), shared by the CLI's
 * {@code run}, the Lab's runs, training jobs and the HTTP API. Checked between steps: a run past its deadline (or
 * cancelled by whoever waits for it) stops itself with a {@link RunDeadlineException} instead of computing on.
 */
public final class RunDeadline {

    public static final String PROPERTY = "gradlab.run.deadline";
    public static final double DEFAULT_SECONDS = 300;

    private final double seconds;
    private final long end;
    private final BooleanSupplier cancelled;

    private RunDeadline(double seconds, BooleanSupplier cancelled) {
        this.seconds = seconds;
        long nanos = (long) Math.min(Long.MAX_VALUE / 4.0, seconds * 1e9);
        this.end = System.nanoTime() + nanos;
        this.cancelled = cancelled;
    }

    /** A deadline {@code seconds} from now. */
    public static RunDeadline after(double seconds) {
        return new RunDeadline(seconds, () -> false);
    }

    /** A deadline {@code seconds} from now that also ends as soon as {@code cancelled} says so. */
    public static RunDeadline after(double seconds, BooleanSupplier cancelled) {
        return new RunDeadline(seconds, cancelled);
    }

    /** No deadline at all (tests, and the built-in lessons' tiny runs). */
    public static RunDeadline none() {
        return new RunDeadline(Double.POSITIVE_INFINITY, () -> false);
    }

    public double seconds() {
        return seconds;
    }

    /** Whether the run should stop now: its time is up or it was cancelled. */
    public boolean passed() {
        return cancelled.getAsBoolean() || System.nanoTime() - end > 0;
    }

    /** Throws a {@link RunDeadlineException} once {@link #passed()}. */
    public void check() {
        if (passed()) {
            throw new RunDeadlineException(seconds);
        }
    }

    /**
     * The setting's value in seconds: a number in (0, 86400], or the default when unset.
     *
     * @throws IllegalArgumentException naming the setting and (cut to 40 characters) what was found
     */
    public static double parseSeconds(@Nullable String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_SECONDS;
        }
        try {
            double v = Double.parseDouble(setting.strip());
            if (v > 0 && v <= 86_400) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(PROPERTY + " must be a number of seconds in (0, 86400], found '"
                + dev.gradlab.scenario.Limits.cut(setting, 40) + "'");
    }

    /** Seconds as written for people: 300, 0.5. */
    public static String text(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
