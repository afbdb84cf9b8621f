package dev.gradlab.lab;

import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The settings a student may change in the Lab, as in TensorFlow Playground: the learning rate, the batch size (0 when
 * the kind has none), the epochs, the optimizer with its parameters, and K of the scenario's first accumulate-K
 * strategy (0 when it has none). {@link #of} reads a scenario's own; {@link #applyTo} makes the modified copy. Whether
 * a copy stays within the limits is {@link LabService#check}'s to say.
 */
public record LabSettings(double learningRate, int batchSize, int epochs, OptimizerSpec optimizer, int accumulation) {

    /** One setting: what a message, a field and a URL parameter name. */
    public enum Field {
        LEARNING_RATE,
        BATCH_SIZE,
        EPOCHS,
        OPTIMIZER,
        MOMENTUM,
        DAMPENING,
        WEIGHT_DECAY,
        NESTEROV,
        BETA1,
        BETA2,
        EPS,
        ACCUMULATION
    }

    /**
     * Why a setting is refused: a message key with its arguments, for {@code field}; {@code cause}, when not null, is
     * the limit behind it (a batch size that leaves too many epochs names the epochs' limit).
     */
    public record Problem(
            Field field,
            String key,
            List<Object> args,
            @Nullable Problem cause) {
        public Problem(Field field, String key, Object... args) {
            this(field, key, List.of(args), null);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");
    private static final Pattern COUNT = Pattern.compile("-?[0-9]+");

    /** The scenario's own settings. */
    public static LabSettings of(Scenario s) {
        return new LabSettings(s.learningRate(), s.batchSize(), s.epochs(), s.optimizer(), firstAccumulation(s));
    }

    /** The copy of {@code base} with these settings (strategies other than the first accumulate-K unchanged). */
    public Scenario applyTo(Scenario base) {
        Scenario s =
                base.withLearningRate(learningRate).withOptimizer(optimizer).withEpochs(epochs);
        if (batchSize != base.batchSize()) {
            s = s.withBatchSize(batchSize);
        }
        int k = firstAccumulation(base);
        if (accumulation != k) {
            List<GradientStrategy> strategies = new ArrayList<>(base.strategies());
            int at = strategies.indexOf(new GradientStrategy.Accumulate(k));
            strategies.set(at, new GradientStrategy.Accumulate(accumulation));
            s = s.withStrategies(strategies);
        }
        return s;
    }

    /** Settings that differ from {@code base}'s own in at least one field. */
    public boolean differsFrom(Scenario base) {
        return !equals(of(base));
    }

    public LabSettings withLearningRate(double lr) {
        return new LabSettings(lr, batchSize, epochs, optimizer, accumulation);
    }

    public LabSettings withBatchSize(int batch) {
        return new LabSettings(learningRate, batch, epochs, optimizer, accumulation);
    }

    public LabSettings withEpochs(int n) {
        return new LabSettings(learningRate, batchSize, n, optimizer, accumulation);
    }

    public LabSettings withOptimizer(OptimizerSpec o) {
        return new LabSettings(learningRate, batchSize, epochs, o, accumulation);
    }

    public LabSettings withAccumulation(int k) {
        return new LabSettings(learningRate, batchSize, epochs, optimizer, k);
    }

    /**
     * The optimizer of {@code type} a switch starts from: the scenario's own when it is of that type, else PyTorch's
     * defaults.
     */
    public static OptimizerSpec startingOptimizer(Scenario base, OptimizerSpec.Type type) {
        if (base.optimizer().type() == type) {
            return base.optimizer();
        }
        return type == OptimizerSpec.Type.SGD ? OptimizerSpec.sgd() : OptimizerSpec.adam();
    }

    /** K of the scenario's first accumulate-K strategy, 0 when it has none. */
    public static int firstAccumulation(Scenario s) {
        return s.strategies().stream()
                .mapToInt(GradientStrategy::accumulation)
                .filter(k -> k > 0)
                .findFirst()
                .orElse(0);
    }

    /**
     * A decimal number as a student or a link writes it ({@code 0.05}, {@code .5}, {@code 1e-3}, {@code -1}); empty
     * for anything else, infinities and NaN included (no hex, no {@code d}/{@code f} suffixes as Java would take).
     */
    public static OptionalDouble parseNumber(String text) {
        String t = text.strip();
        if (t.length() > 40 || !NUMBER.matcher(t).matches()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /**
     * A whole number; one beyond the range of int is clamped to it (so a range check names it as too large, not as
     * malformed); empty for anything that is not a whole number.
     */
    public static OptionalLong parseCount(String text) {
        String t = text.strip();
        if (t.length() > 40 || !COUNT.matcher(t).matches()) {
            return OptionalLong.empty();
        }
        BigDecimal v = new BigDecimal(t);
        return OptionalLong.of(v.max(BigDecimal.valueOf(Integer.MIN_VALUE))
                .min(BigDecimal.valueOf(Integer.MAX_VALUE))
                .longValue());
    }

    /** The shortest text that {@link #parseNumber} reads back as {@code v}: {@code 1}, {@code 0.05}, {@code 1e-8}. */
    public static String text(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() <= 0 && d.precision() - d.scale() <= 15 || d.scale() > 0 && d.scale() <= 6
                ? d.toPlainString()
                : d.toString().replace("E", "e");
    }
}
