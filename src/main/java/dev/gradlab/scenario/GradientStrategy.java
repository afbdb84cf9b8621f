package dev.gradlab.scenario;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a training loop does with {@code .grad} around the same optimizer: whether it zeroes before a batch, what it
 * divides the loss by, when it steps, what it hands the optimizer, and whether it zeroes after stepping. These five
 * answers are the only difference between the strategies; the lab's runner holds the one loop that asks them.
 *
 * <p>Everything else that depends on the strategy (its label, its PyTorch loop, its update formula) goes through
 * {@link #match}, so a fifth strategy is a compile error wherever it is not handled. {@link #name()} is the wire
 * format in URLs, JSON and files: {@code zeroed}, {@code summed}, {@code averaged}, {@code accumulate-K}.
 */
public sealed interface GradientStrategy {

    GradientStrategy ZEROED = new Zeroed();
    GradientStrategy SUMMED = new Summed();
    GradientStrategy AVERAGED = new Averaged();
    /** The scenario files' default. */
    List<GradientStrategy> DEFAULTS = List.of(ZEROED, SUMMED, AVERAGED);

    /** {@code zeroed}, {@code summed}, {@code averaged} or {@code accumulate-K}. */
    String name();

    /** The one exhaustive branch over the strategies: each caller says what every strategy means to it. */
    <R> R match(Supplier<R> zeroed, Supplier<R> summed, Supplier<R> averaged, IntFunction<R> accumulate);

    /** {@code optimizer.zero_grad()} (set to None) before this batch's forward. */
    default boolean zeroesBeforeBatch() {
        return false;
    }

    /** What the loss is divided by before backward. */
    default int lossDivisor() {
        return 1;
    }

    /** Whether the optimizer steps after batch {@code batch} (1-based) of an epoch of {@code batches} batches. */
    default boolean stepsAfter(int batch, int batches) {
        return true;
    }

    /** What {@code .grad} is divided by to give the applied gradient, when {@code inBuffer} batches are in it. */
    default int gradDivisor(int inBuffer) {
        return 1;
    }

    /** {@code optimizer.zero_grad()} (set to None) right after each step. */
    default boolean zeroesAfterStep() {
        return false;
    }

    /** The message key of the strategy's short label (its argument, if any, is {@link #accumulation()}). */
    default String labelKey() {
        return "strategy." + match(() -> "zeroed", () -> "summed", () -> "averaged", k -> "accumulate");
    }

    /** K of accumulate-K; 0 for the others. */
    default int accumulation() {
        return match(() -> 0, () -> 0, () -> 0, k -> k);
    }

    /** Parses a strategy name as written by {@link #name()}; throws IllegalArgumentException for anything else. */
    static GradientStrategy parse(String name) {
        switch (name) {
            case "zeroed":
                return ZEROED;
            case "summed":
                return SUMMED;
            case "averaged":
                return AVERAGED;
            default:
                Matcher m = Accumulate.NAME.matcher(name);
                if (m.matches() && Integer.parseInt(m.group(1)) >= 2) {
                    return new Accumulate(Integer.parseInt(m.group(1)));
                }
                throw new IllegalArgumentException("unknown gradient strategy '" + name
                        + "' (strategies: zeroed, summed, averaged, accumulate-K with K >= 2)");
        }
    }

    /** {@link #parse} of each name, in order. */
    static List<GradientStrategy> parseAll(String... names) {
        return java.util.Arrays.stream(names).map(GradientStrategy::parse).toList();
    }

    /** The correct PyTorch loop: zero_grad(), forward, backward, step — every batch. */
    record Zeroed() implements GradientStrategy {
        @Override
        public String name() {
            return "zeroed";
        }

        @Override
        public String toString() {
            return name();
        }

        @Override
        public <R> R match(Supplier<R> zeroed, Supplier<R> summed, Supplier<R> averaged, IntFunction<R> accumulate) {
            return zeroed.get();
        }

        @Override
        public boolean zeroesBeforeBatch() {
            return true;
        }
    }

    /** zero_grad() forgotten: .grad is the sum of every batch's gradient so far, and every step uses that sum. */
    record Summed() implements GradientStrategy {
        @Override
        public String name() {
            return "summed";
        }

        @Override
        public String toString() {
            return name();
        }

        @Override
        public <R> R match(Supplier<R> zeroed, Supplier<R> summed, Supplier<R> averaged, IntFunction<R> accumulate) {
            return summed.get();
        }
    }

    /** Never zeroed, but every step uses .grad / t, t = the batches in the buffer (fusion by averaging). */
    record Averaged() implements GradientStrategy {
        @Override
        public String name() {
            return "averaged";
        }

        @Override
        public String toString() {
            return name();
        }

        @Override
        public <R> R match(Supplier<R> zeroed, Supplier<R> summed, Supplier<R> averaged, IntFunction<R> accumulate) {
            return averaged.get();
        }

        @Override
        public int gradDivisor(int inBuffer) {
            return inBuffer;
        }
    }

    /**
     * Deliberate accumulation: loss / K before backward; step, then zero, after every K-th batch of an epoch and after
     * its last batch (the count restarts each epoch).
     */
    record Accumulate(int k) implements GradientStrategy {
        private static final Pattern NAME = Pattern.compile("accumulate-([0-9]{1,9})");

        public Accumulate {
            if (k < 2) {
                throw new IllegalArgumentException("accumulate needs K >= 2, got " + k);
            }
        }

        @Override
        public String name() {
            return "accumulate-" + k;
        }

        @Override
        public String toString() {
            return name();
        }

        @Override
        public <R> R match(Supplier<R> zeroed, Supplier<R> summed, Supplier<R> averaged, IntFunction<R> accumulate) {
            return accumulate.apply(k);
        }

        @Override
        public int lossDivisor() {
            return k;
        }

        @Override
        public boolean stepsAfter(int batch, int batches) {
            return batch % k == 0 || batch == batches;
        }

        @Override
        public boolean zeroesAfterStep() {
            return true;
        }
    }
}
