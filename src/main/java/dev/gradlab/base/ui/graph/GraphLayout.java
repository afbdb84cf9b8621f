package dev.gradlab.base.ui.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layered layout: a node's layer is the longest path to it from a node without inputs (so inputs are left, the
 * output right); within a layer nodes are ordered by the mean position of their inputs to limit crossings.
 */
final class GraphLayout {

    /** Where a node goes: its layer (column) and its position within the layer (row). */
    record Slot(int layer, int row) {}

    private GraphLayout() {}

    static Map<Integer, Slot> compute(List<GraphNode> nodes, List<GraphEdge> edges) {
        Map<Integer, List<Integer>> inputs = new LinkedHashMap<>();
        Map<Integer, List<Integer>> users = new HashMap<>();
        for (GraphNode n : nodes) {
            if (inputs.put(n.id(), new ArrayList<>()) != null) {
                throw new IllegalArgumentException("Graph node id " + n.id() + " appears twice");
            }
            users.put(n.id(), new ArrayList<>());
        }
        for (GraphEdge e : edges) {
            if (!inputs.containsKey(e.from()) || !inputs.containsKey(e.to())) {
                throw new IllegalArgumentException(
                        "Graph edge " + e.from() + " → " + e.to() + " names a node that is not in the graph");
            }
            required(inputs, e.to()).add(e.from());
            required(users, e.from()).add(e.to());
        }

        // Kahn's topological order; the layer is the longest path from a source.
        Map<Integer, Integer> layer = new HashMap<>();
        Map<Integer, Integer> pending = new HashMap<>();
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (var entry : inputs.entrySet()) {
            pending.put(entry.getKey(), entry.getValue().size());
            if (entry.getValue().isEmpty()) {
                ready.add(entry.getKey());
                layer.put(entry.getKey(), 0);
            }
        }
        while (!ready.isEmpty()) {
            int id = ready.poll();
            for (int user : required(users, id)) {
                layer.merge(user, required(layer, id) + 1, Math::max);
                if (pending.merge(user, -1, Integer::sum) == 0) {
                    ready.add(user);
                }
            }
        }
        // A cycle cannot come from autograd, but must not hang the page: park such nodes in a last column.
        int last = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (int id : inputs.keySet()) {
            if (required(pending, id) > 0) {
                layer.put(id, last);
            }
        }

        // Inputs (x, weights, targets) go just left of their first user, not all in the first column: long edges
        // from the far left would cross the whole drawing.
        for (var entry : inputs.entrySet()) {
            int id = entry.getKey();
            List<Integer> usersOfId = required(users, id);
            if (entry.getValue().isEmpty() && !usersOfId.isEmpty()) {
                int firstUse = usersOfId.stream()
                        .mapToInt(user -> required(layer, user))
                        .min()
                        .orElse(1);
                layer.put(id, Math.max(0, firstUse - 1));
            }
        }

        Map<Integer, List<Integer>> byLayer = new java.util.TreeMap<>();
        for (int id : inputs.keySet()) {
            byLayer.computeIfAbsent(required(layer, id), l -> new ArrayList<>()).add(id);
        }
        Map<Integer, Slot> slots = new HashMap<>();
        for (var entry : byLayer.entrySet()) {
            List<Integer> ids = entry.getValue();
            Map<Integer, Double> key = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                int id = ids.get(i);
                double mean = required(inputs, id).stream()
                        .filter(slots::containsKey)
                        .mapToInt(in -> required(slots, in).row())
                        .average()
                        .orElse(i);
                key.put(id, mean);
            }
            ids.sort(Comparator.comparingDouble(k -> required(key, k))); // stable: ties keep the caller's order
            for (int row = 0; row < ids.size(); row++) {
                slots.put(ids.get(row), new Slot(entry.getKey(), row));
            }
        }
        return slots;
    }

    /** {@code map.get(key)} where the key must be present: a missing entry is a bug here, not a null to pass on. */
    static <K, V> V required(Map<K, V> map, K key) {
        V value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("no entry for " + key);
        }
        return value;
    }
}
