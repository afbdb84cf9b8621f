package dev.gradlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code kind: manual}: no loss, each batch's backward() is stood in for by the gradients it would add; one batch per
 * entry of {@code gradients}, the same every epoch.
 *
 * @param gradients what each batch's backward() adds into each named parameter's .grad
 */
public record ManualScenario(Common common, Map<String, TensorData> params, List<Map<String, TensorData>> gradients)
        implements Scenario {

    public ManualScenario {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        gradients = gradients.stream()
                .map(g -> Collections.unmodifiableMap(new LinkedHashMap<>(g)))
                .toList();
    }

    @Override
    public <R> R match(
            Function<ManualScenario, R> manual,
            Function<ExpressionScenario, R> expression,
            Function<ModelScenario, R> model) {
        return manual.apply(this);
    }

    @Override
    public int batchesPerEpoch() {
        return gradients.size();
    }

    @Override
    public ManualScenario withStrategies(List<GradientStrategy> strategies) {
        return new ManualScenario(common.withStrategies(strategies), params, gradients);
    }

    @Override
    public ManualScenario withEpochs(int epochs) {
        return new ManualScenario(common.withEpochs(epochs), params, gradients);
    }

    @Override
    public ManualScenario withLearningRate(double learningRate) {
        return new ManualScenario(common.withLearningRate(learningRate), params, gradients);
    }

    @Override
    public ManualScenario withOptimizer(OptimizerSpec optimizer) {
        return new ManualScenario(common.withOptimizer(optimizer), params, gradients);
    }

    /** Always 0: each given gradient is one batch. */
    @Override
    public int batchSize() {
        return 0;
    }

    @Override
    public ManualScenario withBatchSize(int batchSize) {
        throw new IllegalArgumentException(common.fileName() + " gives its gradients: it has no batch size");
    }
}
