package dev.gradlab.scenario;

import java.util.Locale;

/**
 * The work of one run, estimated from the shapes before anything runs, and refused above {@link Limits#MAX_WORK}
 * with the estimate and the limit in the message. Backward costs about twice the forward pass, so a training step is
 * counted as three forward passes; every strategy is a run of its own.
 */
final class Budget {

    private Budget() {}

    /** Forward multiply-adds of one epoch of an expression scenario, from the loss's per-batch-size estimates. */
    static long expressionEpoch(LossCheck check, int rows, int batchSize, int steps) {
        if (rows == 0) {
            return Limits.times(steps, check.work(0));
        }
        if (rows <= batchSize) {
            return check.work(rows);
        }
        long full = Limits.times(rows / batchSize, check.work(batchSize));
        return rows % batchSize == 0 ? full : Limits.plus(full, check.work(rows % batchSize));
    }

    static void checkExpression(NodeReader read, long epochWork, int epochs, int strategies, boolean hasEpochs)
            throws ScenarioException {
        long total = Limits.times(Limits.times(Limits.times(epochWork, 3), epochs), strategies);
        if (total > Limits.MAX_WORK) {
            throw read.error(
                    hasEpochs ? "/epochs" : "/loss",
                    "too much work for one run: about " + count(total)
                            + " multiply-adds (" + count(epochWork) + " per epoch forward, x3 with backward, x "
                            + epochs
                            + " epochs x " + strategies + " strategies), at most " + count(Limits.MAX_WORK)
                            + " are allowed");
        }
    }

    /** The batch limit, the shuffled orders' size and the work of a model scenario. */
    static void checkModel(
            NodeReader read,
            int[] layers,
            int train,
            int test,
            int batchSize,
            int epochs,
            int strategies,
            boolean hasEpochs)
            throws ScenarioException {
        String at = hasEpochs ? "/epochs" : "/batchSize";
        long perEpoch = Limits.ceilDiv(train, batchSize);
        long batches = Limits.times(perEpoch, epochs);
        if (batches > Limits.MAX_BATCHES) {
            throw read.error(
                    at,
                    "too many batches: " + perEpoch + " per epoch (" + train
                            + " training examples in batches of " + batchSize + ") x " + epochs + " epochs = "
                            + (batches == Long.MAX_VALUE ? count(batches) : batches)
                            + " per run, at most 10,000 are allowed");
        }
        long visits = Limits.times(train, epochs);
        if (visits > Limits.MAX_EXAMPLE_VISITS) {
            throw read.error(
                    at,
                    "too many training examples per run: " + count(train) + " x " + epochs + " epochs = "
                            + count(visits) + ", at most " + count(Limits.MAX_EXAMPLE_VISITS) + " are allowed");
        }
        long perExample = 0;
        for (int i = 1; i < layers.length; i++) {
            perExample = Limits.plus(perExample, Limits.times(layers[i - 1], layers[i]));
        }
        long epochWork = Limits.plus(Limits.times(Limits.times(train, perExample), 3), Limits.times(test, perExample));
        long overhead = Limits.times(Limits.times(batches, 4L * layers.length), Limits.OPERATION_OVERHEAD);
        long total = Limits.plus(
                Limits.times(Limits.times(epochWork, epochs), strategies), Limits.times(overhead, strategies));
        if (total > Limits.MAX_WORK) {
            throw read.error(
                    hasEpochs ? "/epochs" : "/model/layers",
                    "too much work for one run: about "
                            + count(total) + " multiply-adds (" + count(perExample) + " per example, " + count(train)
                            + " training and " + count(test) + " test examples, x " + epochs + " epochs x " + strategies
                            + " strategies), at most " + count(Limits.MAX_WORK) + " are allowed");
        }
    }

    static String count(long n) {
        return n == Long.MAX_VALUE ? "more than 9e18" : String.format(Locale.ROOT, "%,d", n);
    }
}
