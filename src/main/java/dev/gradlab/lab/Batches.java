package dev.gradlab.lab;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.NoGradScope;
import dev.gradlab.engine.Tensor;
import dev.gradlab.scenario.Expression;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's batches and what one batch's backward does: evaluate the loss on the batch's rows and call backward,
 * or (manual) add the given gradients into {@code .grad} as backward would. Data tensors are built once and shared by
 * every strategy; they never require grad.
 */
final class Batches {

    /** The batch's loss before any division (null for manual) and the tensor backward ran from (null for manual). */
    record Backward(@Nullable Double loss, @Nullable Tensor output) {
    }

    private final Scenario scenario;
    private final List<Map<String, Tensor>> data = new ArrayList<>();

    Batches(Scenario scenario) {
        this.scenario = scenario;
        if (!scenario.data().isEmpty()) {
            for (int b = 0; b < scenario.batchesPerEpoch(); b++) {
                Map<String, Tensor> columns = new HashMap<>();
                scenario.batchData(b).forEach((name, column) -> columns.put(name, tensor(column).named(name)));
                data.add(columns);
            }
        }
    }

    static Tensor tensor(TensorData d) {
        return Tensor.of(d.data(), d.shape());
    }

    int perEpoch() {
        return scenario.batchesPerEpoch();
    }

    /** Backward of batch {@code b} (0-based within an epoch) into the parameters' {@code .grad}. */
    Backward backward(int b, Map<String, Tensor> params, int divisor, boolean retainGraph) {
        Expression loss = scenario.loss();
        if (loss == null) {
            addManual(scenario.gradients().get(b), params, divisor);
            return new Backward(null, null);
        }
        Map<String, Tensor> names = new HashMap<>(params);
        if (!data.isEmpty()) {
            names.putAll(data.get(b));
        }
        Tensor value = loss.evaluate(names);
        Tensor scalar = value.dim() == 0 ? value : value.sum();
        Tensor output = divisor == 1 ? scalar : scalar.div(divisor);
        output.backward(null, retainGraph);
        return new Backward(scalar.item(), output);
    }

    /** Manual batches: what backward() would add into each named .grad (divided by K when accumulating). */
    private static void addManual(Map<String, TensorData> grads, Map<String, Tensor> params, int divisor) {
        try (NoGradScope ignored = Autograd.noGrad()) {
            grads.forEach((name, g) -> {
                Tensor p = params.get(name);
                Tensor add = divisor == 1 ? tensor(g) : tensor(g).div(divisor);
                Tensor old = p.grad();
                p.setGrad(old == null ? add : old.add(add));
            });
        }
    }
}
