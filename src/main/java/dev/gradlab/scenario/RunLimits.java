package dev.gradlab.scenario;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Limits} that a scenario's settings can break after it was parsed: the Lab lets a student change the
 * epochs, the batch size, the strategies and the optimizer of a valid scenario, and the copy must stay within the same
 * budget the parser applies to a file (batches per run, recorded values, example visits, the work estimate), and its
 * loss must still fit a new batch size. The estimates are the parser's own ({@link Budget}, {@link LossCheck}).
 */
public final class RunLimits {

    /** The limit an epoch count runs into; each is one row of docs/scenarios.md "Every limit". */
    public enum Limit {
        /** {@link Limits#MAX_BATCHES} batches per run. */
        BATCHES,
        /** {@link ScenarioParser#MAX_RECORDED} recorded values (batches x parameter numbers). */
        RECORDED,
        /** {@link Limits#MAX_EXAMPLE_VISITS} training examples visited per run. */
        VISITS,
        /** {@link Limits#MAX_WORK} estimated multiply-adds per run. */
        WORK
    }

    /** The most epochs a scenario may run with its batch size and strategies, and the limit that sets it. */
    public record EpochBound(int maxEpochs, Limit limit) {}

    private RunLimits() {}

    /**
     * The most epochs {@code s} may run as it is (its batch size, its number of strategies); at least 0, where 0 means
     * even one epoch is beyond {@link EpochBound#limit()}.
     */
    public static EpochBound maxEpochs(Scenario s) {
        return s.match(RunLimits::manual, RunLimits::expression, RunLimits::model);
    }

    /**
     * Null when {@code s} can run: its epochs within {@link #maxEpochs} and, for an expression with data, its loss
     * fitting the batch size; else a one-line English reason (the Lab shows its own translated message for the epoch
     * limits, this line only for a loss that does not fit a batch size).
     */
    public static @Nullable String lossProblem(Scenario s) {
        if (!(s instanceof ExpressionScenario e) || e.data().isEmpty()) {
            return null;
        }
        try {
            check(e);
            return null;
        } catch (ScenarioException ex) {
            return ex.reason();
        }
    }

    private static EpochBound manual(ManualScenario m) {
        return recorded(m.batchesPerEpoch(), numbers(m.params()), batches(m.batchesPerEpoch()));
    }

    private static EpochBound expression(ExpressionScenario e) {
        EpochBound bound = recorded(e.batchesPerEpoch(), numbers(e.params()), batches(e.batchesPerEpoch()));
        long epochWork;
        try {
            epochWork = Budget.expressionEpoch(check(e), e.rows(), e.batchSize(), e.steps());
        } catch (ScenarioException ex) {
            return bound; // lossProblem names it; the epochs are not what is wrong
        }
        long perEpoch = Limits.times(Limits.times(epochWork, 3), e.strategies().size());
        return tighter(bound, perEpoch, Limits.MAX_WORK, Limit.WORK);
    }

    private static EpochBound model(ModelScenario m) {
        boolean images = m.features() != 2;
        int test = (int) Math.round(m.samples() * m.testFraction());
        int train =
                images ? (m.folder() == null ? ModelReader.BUNDLED_TRAIN : Limits.FOLDER_TRAIN) : m.samples() - test;
        int testExamples = images ? (m.folder() == null ? ModelReader.BUNDLED_TEST : Limits.FOLDER_TEST) : test;
        int perEpoch = Limits.ceilDiv(train, m.batchSize());
        EpochBound bound = batches(perEpoch);
        bound = tighter(bound, train, Limits.MAX_EXAMPLE_VISITS, Limit.VISITS);
        int[] layers = m.layers();
        long perExample = 0;
        for (int i = 1; i < layers.length; i++) {
            perExample = Limits.plus(perExample, Limits.times(layers[i - 1], layers[i]));
        }
        // as Budget.checkModel: (3 x training + test) x weights per example, plus every batch's operation overhead
        long epochWork =
                Limits.plus(Limits.times(Limits.times(train, perExample), 3), Limits.times(testExamples, perExample));
        long overhead = Limits.times(Limits.times(perEpoch, 4L * layers.length), Limits.OPERATION_OVERHEAD);
        long perEpochWork =
                Limits.times(Limits.plus(epochWork, overhead), m.strategies().size());
        return tighter(bound, perEpochWork, Limits.MAX_WORK, Limit.WORK);
    }

    private static EpochBound batches(int perEpoch) {
        return new EpochBound(epochs(perEpoch, Limits.MAX_BATCHES), Limit.BATCHES);
    }

    private static EpochBound recorded(int perEpoch, long numbers, EpochBound bound) {
        return tighter(bound, Limits.times(perEpoch, numbers), ScenarioParser.MAX_RECORDED, Limit.RECORDED);
    }

    private static EpochBound tighter(EpochBound bound, long perEpoch, long limit, Limit which) {
        int epochs = epochs(perEpoch, limit);
        return epochs < bound.maxEpochs() ? new EpochBound(epochs, which) : bound;
    }

    /** How many epochs of {@code perEpoch} fit in {@code limit}; a free epoch allows any number. */
    private static int epochs(long perEpoch, long limit) {
        return perEpoch <= 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, limit / perEpoch);
    }

    private static long numbers(Map<String, TensorData> params) {
        return params.values().stream().mapToLong(TensorData::numel).sum();
    }

    /** The parser's loss check for this batch size: every batch's shapes, and the work of each. */
    private static LossCheck check(ExpressionScenario e) throws ScenarioException {
        LossCheck check = new LossCheck(SourceTree.read(e.source(), e.fileName()), e.params(), e.data(), e.batchSize());
        check.check(e.lossText());
        return check;
    }
}
