package dev.gradlab.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only views of a recorded graph: memory accounting and a drawable node/edge list. */
final class Graphs {

    /** Rough object sizes on a 64-bit JVM with compressed oops, for the bytes estimate. */
    private static final long ARRAY_HEADER = 16;

    private static final long NODE_OVERHEAD = 64;

    private Graphs() {}

    /**
     * Tensors requiring grad reachable from {@code root}, inputs first. Uses its own visited set rather than
     * Backprop's marks, so a page inspecting a graph cannot disturb a backward pass running on another thread.
     */
    private static List<Tensor> order(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        seen.add(root);
        stack.push(root);
        next.push(0);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int i = next.pop();
            Tensor[] inputs = t.gradFn == null ? new Tensor[0] : t.gradFn.inputs;
            while (i < inputs.length && (seen.contains(inputs[i]) || !inputs[i].requiresGrad())) {
                i++;
            }
            if (i < inputs.length) {
                next.push(i + 1);
                seen.add(inputs[i]);
                stack.push(inputs[i]);
                next.push(0);
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    static GraphStats stats(Tensor root) {
        if (root.gradFn == null) {
            return GraphStats.EMPTY;
        }
        int nodes = 0;
        Set<double[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        long values = 0;
        long bytes = 0;
        for (Tensor t : order(root)) {
            Node fn = t.gradFn;
            if (fn == null) {
                continue;
            }
            nodes++;
            bytes += NODE_OVERHEAD;
            for (Tensor s : fn.savedTensors()) {
                if (arrays.add(s.data)) {
                    values += s.data.length;
                    bytes += ARRAY_HEADER + 8L * s.data.length;
                }
            }
        }
        return new GraphStats(nodes, arrays.size(), values, bytes);
    }

    static GraphView view(Tensor root) {
        List<Tensor> order = root.requiresGrad() ? order(root) : List.of(root);
        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        List<GraphView.Node> nodes = new ArrayList<>();
        List<GraphView.Edge> edges = new ArrayList<>();
        for (Tensor t : order) {
            int id = ids.size();
            ids.put(t, id);
            String label = t.gradFn != null ? t.gradFn.name : t.name() != null ? t.name() : "tensor" + id;
            Tensor grad = t.keepsGrad() ? t.grad() : null;
            nodes.add(new GraphView.Node(
                    id,
                    label,
                    t.shape(),
                    t.isLeaf(),
                    t.requiresGrad(),
                    grad == null ? null : grad.toArray(),
                    t.toArray()));
            if (t.gradFn != null) {
                for (Tensor in : t.gradFn.inputs) {
                    Integer from = ids.get(in);
                    if (from != null) {
                        edges.add(new GraphView.Edge(from, id));
                    }
                }
            }
        }
        return new GraphView(nodes, edges);
    }
}
