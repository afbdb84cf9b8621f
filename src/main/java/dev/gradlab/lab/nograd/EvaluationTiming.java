package dev.gradlab.lab.nograd;

import java.util.List;

/**
 * Lesson part 1 measured robustly: per batch the facts of one pass each way, with each pass's time the median over
 * the repetitions; and the verdict on the repetitions' totals (all batches, each way).
 *
 * @param batches     per batch: graph sizes (exact) and the median time each way
 * @param repetitions how many timed repetitions the verdict rests on (after the warm-up)
 * @param verdict     medians, spreads and what they support
 */
public record EvaluationTiming(List<BatchComparison> batches, int repetitions, TimingVerdict verdict) {

    public EvaluationTiming {
        batches = List.copyOf(batches);
    }
}
