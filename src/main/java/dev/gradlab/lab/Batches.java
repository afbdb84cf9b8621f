package dev.gradlab.lab;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.NoGradScope;
import dev.gradlab.engine.Tensor;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's batches and what one batch's backward does: evaluate the loss on the batch's rows and call backward,
 * or (manual) add the given gradients into {@code .grad} as backward would. Data tensors are built once and shared by
 * every strategy; they never require grad. What backward starts from is scaled by the caller
 * ({@link StrategyStepper#forBackward}), the one place where a strategy divides the loss.
 */
abstract sealed class Batches {

    /** The batch's loss before any division (null for manual) and the tensor backward ran from (null for manual). */
    record Backward(@Nullable Double loss, @Nullable Tensor output) {}

    /** The batches of a manual or expression scenario; a model scenario is trained, not stepped. */
    static Batches of(Scenario s) {
        return s.match(Manual::new, Loss::new, m -> {
            throw new IllegalArgumentException(s.fileName() + " is a model scenario: train it with ModelTrainer");
        });
    }

    static Tensor tensor(TensorData d) {
        return Tensor.of(d.data(), d.shape());
    }

    /** The parameters' initial values, in the scenario's order. */
    abstract Map<String, TensorData> params();

    abstract int perEpoch();

    /**
     * Backward of batch {@code b} (0-based within an epoch) into the parameters' {@code .grad}, starting from
     * {@code scale} of the batch's loss (or, for given gradients, adding {@code scale} of each: the gradient of a
     * scaled loss).
     */
    abstract Backward backward(int b, Map<String, Tensor> params, UnaryOperator<Tensor> scale, boolean retainGraph);

    private static final class Manual extends Batches {
        private final ManualScenario scenario;

        Manual(ManualScenario scenario) {
            this.scenario = scenario;
        }

        @Override
        Map<String, TensorData> params() {
            return scenario.params();
        }

        @Override
        int perEpoch() {
            return scenario.batchesPerEpoch();
        }

        /** What backward() would add into each named .grad. */
        @Override
        Backward backward(int b, Map<String, Tensor> params, UnaryOperator<Tensor> scale, boolean retainGraph) {
            try (NoGradScope ignored = Autograd.noGrad()) {
                scenario.gradients().get(b).forEach((name, g) -> {
                    Tensor p = Objects.requireNonNull(params.get(name), () -> "no parameter " + name);
                    Tensor add = scale.apply(tensor(g));
                    Tensor old = p.grad();
                    p.setGrad(old == null ? add : old.add(add));
                });
            }
            return new Backward(null, null);
        }
    }

    private static final class Loss extends Batches {
        private final ExpressionScenario scenario;
        private final List<Map<String, Tensor>> data = new ArrayList<>();

        Loss(ExpressionScenario scenario) {
            this.scenario = scenario;
            if (!scenario.data().isEmpty()) {
                for (int b = 0; b < scenario.batchesPerEpoch(); b++) {
                    Map<String, Tensor> columns = new HashMap<>();
                    scenario.batchData(b)
                            .forEach((name, column) ->
                                    columns.put(name, tensor(column).named(name)));
                    data.add(columns);
                }
            }
        }

        @Override
        Map<String, TensorData> params() {
            return scenario.params();
        }

        @Override
        int perEpoch() {
            return scenario.batchesPerEpoch();
        }

        @Override
        Backward backward(int b, Map<String, Tensor> params, UnaryOperator<Tensor> scale, boolean retainGraph) {
            Map<String, Tensor> names = new HashMap<>(params);
            if (!data.isEmpty()) {
                names.putAll(data.get(b));
            }
            Tensor value = scenario.loss().evaluate(names);
            Tensor scalar = value.dim() == 0 ? value : value.sum();
            Tensor output = scale.apply(scalar);
            output.backward(null, retainGraph);
            return new Backward(scalar.item(), output);
        }
    }
}
