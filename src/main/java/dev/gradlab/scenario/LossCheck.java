package dev.gradlab.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Parses the loss and checks it against the scenario: every name resolves, every shape fits for every batch size
 * that occurs (a shorter last batch included), the result is a scalar, and cross-entropy labels taken straight from a
 * data column are class indices.
 */
final class LossCheck {

    private final SourceTree tree;
    private final Map<String, TensorData> params;
    private final Map<String, TensorData> data;
    private final int batchSize;

    LossCheck(SourceTree tree, Map<String, TensorData> params, Map<String, TensorData> data, int batchSize) {
        this.tree = tree;
        this.params = params;
        this.data = data;
        this.batchSize = batchSize;
    }

    private final Map<Integer, Long> work = new LinkedHashMap<>();

    /** Estimated forward multiply-adds of one batch of {@code rows} rows (0 without data), once {@link #check} passed. */
    long work(int rows) {
        return work.getOrDefault(rows, 0L);
    }

    Expression check(String text) throws ScenarioException {
        try {
            Expression loss = Expression.parse(text);
            String known = "parameters: " + String.join(", ", params.keySet())
                    + (data.isEmpty() ? "" : "; data: " + String.join(", ", data.keySet()));
            for (int rows : batchRows()) {
                Map<String, int[]> shapes = new LinkedHashMap<>();
                params.forEach((n, p) -> shapes.put(n, p.shape()));
                data.forEach((n, column) -> {
                    int[] s = column.shape();
                    s[0] = rows;
                    shapes.put(n, s);
                });
                ShapeCheck check = new ShapeCheck(shapes, known);
                int[] shape = check.shapeOf(loss);
                work.put(rows, check.work());
                if (shape.length > 0) {
                    throw new ExpressionException(
                            1,
                            "the loss must be a scalar, but it has shape "
                                    + ShapeCheck.text(shape) + (rows > 0 ? " for a batch of " + rows + " rows" : "")
                                    + ": reduce it with sum(...) or mean(...)");
                }
                labels(loss, check);
            }
            return loss;
        } catch (ExpressionException e) {
            throw new ScenarioException(
                    tree.fileName,
                    tree.line("/loss"),
                    "loss",
                    e.position(),
                    Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    /** The distinct batch sizes: all batches are full except perhaps the last. */
    private TreeSet<Integer> batchRows() {
        TreeSet<Integer> sizes = new TreeSet<>();
        if (data.isEmpty()) {
            sizes.add(0);
            return sizes;
        }
        int rows = data.values().iterator().next().shape()[0];
        sizes.add(Math.min(batchSize, rows));
        // a batch size beyond the rows is one batch of all rows
        if (rows % batchSize != 0 && rows > batchSize) {
            sizes.add(rows % batchSize);
        }
        return sizes;
    }

    private void labels(Expression loss, ShapeCheck check) throws ExpressionException {
        for (Expression e : ExpressionWalk.nodes(loss)) {
            if (e instanceof Expression.Call c
                    && c.function() == Function.CROSS_ENTROPY
                    && c.args().get(1) instanceof Expression.Name n
                    && data.containsKey(n.name())) {
                int classes = check.shapeOf(c.args().get(0))[1];
                double[] v = data.get(n.name()).data();
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] >= classes) {
                        throw new ExpressionException(
                                n.position(),
                                "cross_entropy labels are class indices 0.." + (classes - 1) + ", but row " + i
                                        + " of data column '" + n.name() + "' holds " + v[i]);
                    }
                }
            }
        }
    }
}
