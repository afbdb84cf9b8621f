package dev.gradlab.lab.nograd;

import java.util.Arrays;

/**
 * What repeated timings of the same work with and without no-grad support saying, and no more: the medians, the
 * spread (fastest to slowest repetition) of each, and a verdict that names a winner only when the two spreads do not
 * overlap. A single measurement on a busy 2-core machine can come out either way; this is why the lesson repeats it.
 *
 * @param withGrad   nanoseconds per repetition with autograd recording
 * @param noGrad     nanoseconds per repetition inside no-grad
 * @param outcome    what the spreads allow us to say
 */
public record TimingVerdict(Spread withGrad, Spread noGrad, Outcome outcome) {

    /** What the measurement supports. */
    public enum Outcome {
        /** Every no-grad repetition was faster than every repetition with grad. */
        NO_GRAD_FASTER,
        /** Every no-grad repetition was slower than every repetition with grad. */
        NO_GRAD_SLOWER,
        /** The spreads overlap: too close to call on this machine. */
        TOO_CLOSE
    }

    /** The median and the range of one side's repetitions, in nanoseconds. */
    public record Spread(long median, long min, long max) {

        static Spread of(long[] nanos) {
            if (nanos.length == 0) {
                throw new IllegalArgumentException("no timings to summarise");
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Spread(median, sorted[0], sorted[n - 1]);
        }
    }

    /** Summarises two sets of repetitions of the same work (at least one each). */
    public static TimingVerdict of(long[] withGradNanos, long[] noGradNanos) {
        Spread with = Spread.of(withGradNanos);
        Spread without = Spread.of(noGradNanos);
        Outcome outcome = without.max() < with.min()
                ? Outcome.NO_GRAD_FASTER
                : with.max() < without.min() ? Outcome.NO_GRAD_SLOWER : Outcome.TOO_CLOSE;
        return new TimingVerdict(with, without, outcome);
    }

    /** How much less time the median no-grad repetition took, as a fraction of the median with grad. */
    public double savedFraction() {
        return withGrad.median() == 0 ? 0 : (withGrad.median() - noGrad.median()) / (double) withGrad.median();
    }
}
