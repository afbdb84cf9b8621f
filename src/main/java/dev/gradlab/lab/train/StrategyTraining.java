package dev.gradlab.lab.train;

import dev.gradlab.engine.F;
import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Sequential;
import dev.gradlab.lab.Finite;
import dev.gradlab.lab.Optimizers;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyStepper;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * One strategy's model, optimizer and records. The weights come from {@code Mlp.of(layers, …, new Random(seed))}, so
 * every strategy starts from the same ones; batches go through the shared {@link StrategyStepper}.
 */
final class StrategyTraining {

    final GradientStrategy strategy;
    final Sequential model;
    private final Map<String, Tensor> params;
    private final StrategyStepper stepper;
    private final boolean norms;
    final List<StepRecord> steps = new ArrayList<>();
    final List<EpochRecord> epochs = new ArrayList<>();

    @Nullable
    Integer diverged;

    StrategyTraining(ModelScenario spec, GradientStrategy strategy, boolean norms) {
        this.strategy = strategy;
        this.norms = norms;
        this.model = initialModel(spec);
        this.params = model.namedParameters();
        this.stepper = new StrategyStepper(
                strategy, Optimizers.of(spec.optimizer(), spec.learningRate(), model.parameters()), params);
        model.train();
    }

    /** The model every strategy starts from: {@code Mlp.of(layers, activation, dropout, new Random(seed))}. */
    static Sequential initialModel(ModelScenario spec) {
        return Mlp.of(spec.layers(), spec.activation(), spec.dropout(), new Random(spec.seed()));
    }

    /**
     * One batch: the notebook's {@code zero_grad / forward / loss / backward / step}, with the strategy deciding about
     * zeroing and stepping. Returns its record (also kept), after which the run may have {@link #diverged}.
     */
    StepRecord batch(int step, int epoch, int batch, int batches, TrainingData.Batch data) {
        stepper.beforeBatch();
        Tensor loss = F.crossEntropy(model.forward(data.x()), data.y());
        stepper.forBackward(loss).backward();
        stepper.afterBackward();
        Map<String, double @Nullable []> grad = values(true);
        Map<String, @Nullable Tensor> applied = stepper.afterBatch(batch, batches);
        Map<String, double @Nullable []> appliedValues = null;
        if (applied != null) {
            appliedValues = new LinkedHashMap<>();
            for (var e : applied.entrySet()) {
                appliedValues.put(e.getKey(), e.getValue() == null ? null : values(e.getValue()));
            }
        }
        double value = loss.item();
        StepRecord record =
                new StepRecord(step, epoch, batch, value, grad, appliedValues, applied != null, values(false));
        if (diverged == null && !(Double.isFinite(value) && Finite.all(record.grad()) && Finite.all(record.params()))) {
            diverged = step;
            record = nulled(record); // as the scenario runner shows divergence: no values from here on
        }
        steps.add(record);
        return record;
    }

    private Map<String, double @Nullable []> values(boolean grads) {
        Map<String, double @Nullable []> out = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            Tensor t = grads ? p.grad() : p;
            out.put(name, t == null ? null : values(t));
        });
        return out;
    }

    private double[] values(Tensor t) {
        if (!norms) {
            return t.toArray();
        }
        double s = 0;
        for (double v : t.toArray()) {
            s += v * v;
        }
        return new double[] {Math.sqrt(s)};
    }

    private static StepRecord nulled(StepRecord r) {
        Map<String, double @Nullable []> none = new LinkedHashMap<>();
        r.params().keySet().forEach(name -> none.put(name, null));
        return new StepRecord(r.step(), r.epoch(), r.batch(), null, none, r.stepped() ? none : null, r.stepped(), none);
    }

    ModelRun result() {
        return new ModelRun(strategy, steps, epochs, diverged);
    }
}
