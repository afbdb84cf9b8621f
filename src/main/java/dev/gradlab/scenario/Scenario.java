package dev.gradlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One parsed and validated scenario. Batches are the same for every strategy: with data, consecutive rows in file
 * order ({@code batchSize} each, the last one may be shorter); without data, {@code steps} evaluations of the same
 * loss; for {@code manual}, one batch per entry of {@code gradients}. Every epoch repeats the same batches.
 *
 * @param strategies canonical strategy names in file order: {@code zeroed}, {@code summed}, {@code averaged},
 *                   {@code accumulate-K}
 * @param gradients  manual only: what each batch's backward() adds into each named parameter's .grad
 * @param loss       expression only
 * @param lossText   the loss as written in the file (expression only), for display
 * @param data       data columns by name, each with the same first dimension (rows); empty when none
 * @param batchSize  rows per batch; 0 when there is no data
 * @param steps      batches per epoch when there is no data; 0 otherwise
 * @param source     the file's text as written, for export and display
 * @param model      kind model only: the data set, the MLP and its training (also holds the common fields); batches
 *                   are the training set's, reshuffled every epoch, so {@link #batchData} does not apply
 */
public record Scenario(String id, LocalizedText title, @Nullable LocalizedText description, Kind kind,
        double learningRate, OptimizerSpec optimizer, List<String> strategies, Map<String, TensorData> params,
        List<Map<String, TensorData>> gradients, @Nullable Expression loss, @Nullable String lossText,
        Map<String, TensorData> data,
        int batchSize, int steps, int epochs, String fileName, String source, @Nullable ModelSpec model) {

    /** A manual or expression scenario (no model). */
    public Scenario(String id, LocalizedText title, @Nullable LocalizedText description, Kind kind,
            double learningRate, OptimizerSpec optimizer, List<String> strategies, Map<String, TensorData> params,
            List<Map<String, TensorData>> gradients, @Nullable Expression loss, @Nullable String lossText,
            Map<String, TensorData> data, int batchSize, int steps, int epochs, String fileName, String source) {
        this(id, title, description, kind, learningRate, optimizer, strategies, params, gradients, loss, lossText, data,
                batchSize, steps, epochs, fileName, source, null);
    }

    public enum Kind {
        MANUAL, EXPRESSION, MODEL;

        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Scenario {
        strategies = List.copyOf(strategies);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        gradients = gradients.stream().map(g -> Collections.unmodifiableMap(new LinkedHashMap<>(g))).toList();
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** Rows of data (0 without data). */
    public int rows() {
        return data.isEmpty() ? 0 : data.values().iterator().next().shape()[0];
    }

    public int batchesPerEpoch() {
        return switch (kind) {
            case MANUAL -> gradients.size();
            case EXPRESSION -> data.isEmpty() ? steps : Limits.ceilDiv(rows(), batchSize);
            case MODEL -> model == null || model.trainExamples() < 0 ? 0
                    : Limits.ceilDiv(model.trainExamples(), batchSize);
        };
    }

    /** Batches (= step entries) in one strategy's run. */
    public long totalBatches() {
        return (long) batchesPerEpoch() * epochs;
    }

    /** The data of batch {@code batch} (0-based within an epoch): each column's rows of that batch. */
    public Map<String, TensorData> batchData(int batch) {
        Map<String, TensorData> columns = new LinkedHashMap<>();
        int from = batch * batchSize;
        int to = Math.min(rows(), from + batchSize);
        data.forEach((name, column) -> columns.put(name, column.rows(from, to)));
        return columns;
    }
}
