package dev.gradlab.scenario;

/**
 * The one budget every entry path shares (the CLI, the editor's validation, the HTTP API, imports): what a scenario
 * file may cost before GradLab refuses it with one short line. docs/scenarios.md lists the same numbers in a table.
 */
public final class Limits {

    /** A scenario file, read before parsing (larger files are refused unread). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Characters of a loss expression. */
    public static final int MAX_EXPRESSION_CHARS = 10_000;
    /** Numbers, names, operators and calls in a loss expression. */
    public static final int MAX_EXPRESSION_NODES = 5_000;
    /** Batches in one strategy's run (batches per epoch x epochs), for every kind. */
    public static final long MAX_BATCHES = 10_000;
    /** Estimated multiply-adds of a whole run (every strategy, forward and backward, evaluation included). */
    public static final long MAX_WORK = 100_000_000_000L;
    /**
     * What one engine operation costs at least, in multiply-adds, for the estimate: allocating and recording a small
     * tensor costs far more than its arithmetic, so a loss of thousands of scalar operations is not free.
     */
    public static final long OPERATION_OVERHEAD = 10_000;
    /** Training examples visited by one strategy's run (examples x epochs): each epoch's shuffled order is kept. */
    public static final long MAX_EXAMPLE_VISITS = 20_000_000;
    /** Training images assumed for a {@code dataset.folder} before it is read: the standard MNIST files' 60,000. */
    public static final int FOLDER_TRAIN = 60_000;
    /** Test images assumed for a {@code dataset.folder}: the standard 10,000. */
    public static final int FOLDER_TEST = 10_000;
    /** The longest quoted value an error message repeats; longer ones are cut with "…". */
    public static final int MAX_QUOTE = 40;
    /** The longest error line's cause. */
    public static final int MAX_MESSAGE = 300;

    private Limits() {}

    /** {@code ceil(a / b)} for {@code a >= 0, b > 0}, without the overflow of {@code (a + b - 1) / b}. */
    public static int ceilDiv(int a, int b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} when that overflows (for non-negative counts). */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that overflows (for non-negative counts). */
    public static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** {@code text} cut to {@code max} characters with "…" at the end when it is longer. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * One error line's cause made short: every word (a quoted value, a number, a path) longer than
     * {@link #MAX_QUOTE} is cut to that with "…" (keeping a closing quote), and the whole to {@link #MAX_MESSAGE}.
     */
    public static String shorten(String cause) {
        StringBuilder s = new StringBuilder(Math.min(cause.length(), MAX_MESSAGE + 8));
        int i = 0;
        int n = cause.length();
        while (i < n && s.length() <= MAX_MESSAGE) {
            int end = i;
            while (end < n && !Character.isWhitespace(cause.charAt(end))) {
                end++;
            }
            if (end - i > MAX_QUOTE + 2) {
                s.append(cause, i, i + MAX_QUOTE).append('…');
                char last = cause.charAt(end - 1);
                if ((last == '\'' || last == '"') && cause.charAt(i) == last) {
                    s.append(last);
                }
            } else {
                s.append(cause, i, end);
            }
            int spaceEnd = end;
            while (spaceEnd < n && Character.isWhitespace(cause.charAt(spaceEnd))) {
                spaceEnd++;
            }
            s.append(cause, end, Math.min(spaceEnd, end + 1));
            i = spaceEnd;
        }
        String out = s.toString();
        return out.length() > MAX_MESSAGE || i < n ? out.substring(0, Math.min(out.length(), MAX_MESSAGE)) + "…" : out;
    }
}
