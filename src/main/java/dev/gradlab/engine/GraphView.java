package dev.gradlab.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The computation graph behind a tensor, for drawing: one node per tensor (operations are labelled with their
 * grad_fn name, leaves with their name), edges from each input to the tensor computed from it.
 */
public record GraphView(List<Node> nodes, List<Edge> edges) {

    /** A tensor in the graph; {@code grad} is reported for leaves (and retained non-leaves) only. */
    public record Node(
            int id,
            String label,
            int[] shape,
            boolean leaf,
            boolean requiresGrad,
            double @Nullable [] grad,
            double @Nullable [] value) {}

    /** {@code from} is an input of {@code to}. */
    public record Edge(int from, int to) {}
}
