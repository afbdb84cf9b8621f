package dev.gradlab.lab;

/**
 * What a training loop does with {@code .grad} around the same optimizer: whether it zeroes before a batch, what it
 * divides the loss by, when it steps, what it hands the optimizer, and whether it zeroes after stepping. These five
 * answers are the only difference between the strategies; {@link Runner} holds the one loop that asks them.
 */
public sealed interface GradientStrategy {

    /** {@code zeroed}, {@code summed}, {@code averaged} or {@code accumulate-K}. */
    String name();

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

    /** Parses a strategy name as written by {@link #name()}; throws IllegalArgumentException for anything else. */
    static GradientStrategy parse(String name) {
        switch (name) {
            case "zeroed":
                return new Zeroed();
            case "summed":
                return new Summed();
            case "averaged":
                return new Averaged();
            default:
                if (name.matches("accumulate-[0-9]{1,9}")) {
                    return new Accumulate(Integer.parseInt(name.substring("accumulate-".length())));
                }
                throw new IllegalArgumentException("unknown gradient strategy '" + name
                        + "' (strategies: zeroed, summed, averaged, accumulate-K with K >= 2)");
        }
    }

    /** The correct PyTorch loop: zero_grad(), forward, backward, step — every batch. */
    record Zeroed() implements GradientStrategy {
        @Override
        public String name() {
            return "zeroed";
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
    }

    /** Never zeroed, but every step uses .grad / t, t = the batches in the buffer (fusion by averaging). */
    record Averaged() implements GradientStrategy {
        @Override
        public String name() {
            return "averaged";
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
