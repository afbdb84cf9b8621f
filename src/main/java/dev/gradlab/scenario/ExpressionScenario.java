package dev.gradlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code kind: expression}: a loss over parameters and data. Batches are the same for every strategy: with data,
 * consecutive rows in file order ({@code batchSize} each, the last one may be shorter); without data, {@code steps}
 * evaluations of the same loss. Every epoch repeats the same batches.
 *
 * @param lossText  the loss as written in the file, for display
 * @param data      data columns by name, each with the same first dimension (rows); empty when none
 * @param batchSize rows per batch; 0 when there is no data
 * @param steps     batches per epoch when there is no data; 0 otherwise
 */
public record ExpressionScenario(
        Common common,
        Map<String, TensorData> params,
        Expression loss,
        String lossText,
        Map<String, TensorData> data,
        int batchSize,
        int steps)
        implements Scenario {

    public ExpressionScenario {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    @Override
    public <R> R match(
            Function<ManualScenario, R> manual,
            Function<ExpressionScenario, R> expression,
            Function<ModelScenario, R> model) {
        return expression.apply(this);
    }

    /** Rows of data (0 without data). */
    public int rows() {
        return data.isEmpty() ? 0 : data.values().iterator().next().shape()[0];
    }

    @Override
    public int batchesPerEpoch() {
        return data.isEmpty() ? steps : Limits.ceilDiv(rows(), batchSize);
    }

    /** The data of batch {@code batch} (0-based within an epoch): each column's rows of that batch. */
    public Map<String, TensorData> batchData(int batch) {
        Map<String, TensorData> columns = new LinkedHashMap<>();
        int from = batch * batchSize;
        int to = Math.min(rows(), from + batchSize);
        data.forEach((name, column) -> columns.put(name, column.rows(from, to)));
        return columns;
    }

    @Override
    public ExpressionScenario withStrategies(List<GradientStrategy> strategies) {
        return new ExpressionScenario(
                common.withStrategies(strategies), params, loss, lossText, data, batchSize, steps);
    }

    @Override
    public ExpressionScenario withEpochs(int epochs) {
        return new ExpressionScenario(common.withEpochs(epochs), params, loss, lossText, data, batchSize, steps);
    }

    @Override
    public ExpressionScenario withLearningRate(double learningRate) {
        return new ExpressionScenario(
                common.withLearningRate(learningRate), params, loss, lossText, data, batchSize, steps);
    }

    @Override
    public ExpressionScenario withOptimizer(OptimizerSpec optimizer) {
        return new ExpressionScenario(common.withOptimizer(optimizer), params, loss, lossText, data, batchSize, steps);
    }

    /** The loss's shapes are checked for the file's batch size only: {@link RunLimits#check} checks another one. */
    @Override
    public ExpressionScenario withBatchSize(int batchSize) {
        if (data.isEmpty() || batchSize < 1) {
            throw new IllegalArgumentException(
                    common.fileName() + (data.isEmpty() ? " has no data to split into batches" : ": batchSize >= 1"));
        }
        return new ExpressionScenario(common, params, loss, lossText, data, batchSize, steps);
    }
}
