package dev.gradlab.scenario;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One parsed and validated scenario: a {@link ManualScenario} (the gradients each batch reports), an
 * {@link ExpressionScenario} (a loss over parameters and data) or a {@link ModelScenario} (an MLP on a data set). The
 * fields every kind has live once, in {@link Common}; code that depends on the kind goes through {@link #match}, so a
 * fourth kind is a compile error wherever it is not handled.
 */
public sealed interface Scenario permits ManualScenario, ExpressionScenario, ModelScenario {

    /**
     * The fields every kind has.
     *
     * @param strategies the strategies in file order
     * @param epochs     how often the batches are repeated (at least 1)
     * @param fileName   the file it was read from, for messages
     * @param source     the file's text as written, for export and display
     * @param questions  the file's own questions for live classes (the optional {@code questions:} list), in order
     */
    record Common(
            String id,
            LocalizedText title,
            @Nullable LocalizedText description,
            double learningRate,
            OptimizerSpec optimizer,
            List<GradientStrategy> strategies,
            int epochs,
            String fileName,
            String source,
            List<ScenarioQuestion> questions) {

        public Common {
            strategies = List.copyOf(strategies);
            questions = List.copyOf(questions);
        }

        public Common withStrategies(List<GradientStrategy> strategies) {
            return new Common(
                    id, title, description, learningRate, optimizer, strategies, epochs, fileName, source, questions);
        }

        public Common withEpochs(int epochs) {
            return new Common(
                    id, title, description, learningRate, optimizer, strategies, epochs, fileName, source, questions);
        }

        public Common withLearningRate(double learningRate) {
            return new Common(
                    id, title, description, learningRate, optimizer, strategies, epochs, fileName, source, questions);
        }

        public Common withOptimizer(OptimizerSpec optimizer) {
            return new Common(
                    id, title, description, learningRate, optimizer, strategies, epochs, fileName, source, questions);
        }
    }

    /** The kind as written in a file ({@link #fileName()}), and later stored in a column. */
    enum Kind {
        MANUAL,
        EXPRESSION,
        MODEL;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Common common();

    /** The one exhaustive branch over the kinds. */
    <R> R match(
            Function<ManualScenario, R> manual,
            Function<ExpressionScenario, R> expression,
            Function<ModelScenario, R> model);

    /** Batches in one epoch: one per given gradient, per {@code batchSize} rows, or per training batch. */
    int batchesPerEpoch();

    /** A copy with other strategies (e.g. the Lab running only some of them). */
    Scenario withStrategies(List<GradientStrategy> strategies);

    /** A copy with another number of epochs (e.g. a quicker demo). */
    Scenario withEpochs(int epochs);

    /** A copy with another learning rate (the Lab's live settings). */
    Scenario withLearningRate(double learningRate);

    /** A copy with another optimizer (the Lab's live settings). */
    Scenario withOptimizer(OptimizerSpec optimizer);

    /**
     * Rows (expression) or examples (model) per batch; 0 when the kind has none (manual, or an expression without data).
     */
    int batchSize();

    /** A copy with another batch size; throws IllegalArgumentException when {@link #batchSize()} is 0 (no batches). */
    Scenario withBatchSize(int batchSize);

    default Kind kind() {
        return match(m -> Kind.MANUAL, e -> Kind.EXPRESSION, m -> Kind.MODEL);
    }

    /** Batches (= step entries) in one strategy's run. */
    default long totalBatches() {
        return (long) batchesPerEpoch() * epochs();
    }

    default String id() {
        return common().id();
    }

    default LocalizedText title() {
        return common().title();
    }

    default @Nullable LocalizedText description() {
        return common().description();
    }

    default double learningRate() {
        return common().learningRate();
    }

    default OptimizerSpec optimizer() {
        return common().optimizer();
    }

    default List<GradientStrategy> strategies() {
        return common().strategies();
    }

    default int epochs() {
        return common().epochs();
    }

    default String fileName() {
        return common().fileName();
    }

    default String source() {
        return common().source();
    }
}
