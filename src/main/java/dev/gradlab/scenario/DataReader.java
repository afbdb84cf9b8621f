package dev.gradlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads what batches are made of: manual gradients (checked against the parameters) and data columns. */
final class DataReader {

    private final NodeReader read;

    DataReader(NodeReader read) {
        this.read = read;
    }

    List<Map<String, TensorData>> gradients(JsonNode node, Map<String, TensorData> params) throws ScenarioException {
        if (!node.isArray() || node.isEmpty()) {
            throw read.error(
                    "/gradients", "gradients must be a non-empty list with one mapping per batch, e.g. [{theta: 2}]");
        }
        List<Map<String, TensorData>> batches = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/gradients/" + i;
            JsonNode batch = node.get(i);
            if (!batch.isObject()) {
                throw read.error(
                        at,
                        "batch " + (i + 1) + " must be a mapping of parameter -> gradient, found "
                                + NodeReader.describe(batch));
            }
            Map<String, TensorData> grads = new LinkedHashMap<>();
            for (var it = batch.fields(); it.hasNext(); ) {
                var e = it.next();
                TensorData param = params.get(e.getKey());
                if (param == null) {
                    throw read.error(
                            at + "/" + e.getKey(),
                            "batch " + (i + 1) + " names an unknown parameter '" + e.getKey() + "' (parameters: "
                                    + String.join(", ", params.keySet()) + ")");
                }
                TensorData g = read.tensor(e.getValue(), at + "/" + e.getKey());
                if (!Arrays.equals(g.shape(), param.shape())) {
                    throw read.error(
                            at + "/" + e.getKey(),
                            "shape mismatch: the gradient for '" + e.getKey()
                                    + "' in batch " + (i + 1) + " has shape " + ShapeCheck.text(g.shape())
                                    + " but the parameter has shape " + ShapeCheck.text(param.shape()));
                }
                grads.put(e.getKey(), g);
            }
            batches.add(grads);
        }
        return batches;
    }

    Map<String, TensorData> data(JsonNode node, Map<String, TensorData> params) throws ScenarioException {
        Map<String, TensorData> data = read.tensors(node, "/data", "data");
        @Nullable Integer rows = null;
        String first = null;
        for (var e : data.entrySet()) {
            String at = "/data/" + e.getKey();
            if (params.containsKey(e.getKey())) {
                throw read.error(at, "'" + e.getKey() + "' is both a parameter and a data column");
            }
            if (e.getValue().dim() == 0) {
                throw read.error(at, "a data column is a list (one entry per row), found a single number");
            }
            int n = e.getValue().shape()[0];
            if (rows != null && n != rows) {
                throw read.error(
                        at,
                        "data columns must have the same length: '" + e.getKey() + "' has " + n + " rows but '" + first
                                + "' has " + rows);
            }
            rows = n;
            first = first == null ? e.getKey() : first;
        }
        return data;
    }
}
