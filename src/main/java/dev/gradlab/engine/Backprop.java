package dev.gradlab.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Reverse-mode differentiation, as in micrograd: sort the graph topologically, then visit it once from the output
 * back to the leaves; every node adds its inputs' gradients into their buffers, and a tensor's buffer is complete by
 * the time it is visited. Leaves (and retained non-leaves) add their buffer into {@code grad()}.
 * Not safe for two threads backpropagating through the same tensors at once.
 */
final class Backprop {

    private static final AtomicLong PASSES = new AtomicLong();

    private Backprop() {}

    static void run(Tensor root, @Nullable Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new AutogradException("backward(): element 0 of tensors does not require grad and does not have a"
                    + " grad_fn. No graph was recorded for this tensor: it was computed inside Autograd.noGrad(), or only"
                    + " from tensors that do not require grad.");
        }
        double[] seed;
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new AutogradException(
                        "backward() without a gradient works only for scalar outputs, this tensor has" + " shape "
                                + Shapes.str(root.shape)
                                + ": reduce it first (sum(), mean()) or pass backward(gradient)");
            }
            seed = new double[] {1.0};
        } else {
            if (!Arrays.equals(gradient.shape, root.shape)) {
                throw new AutogradException("backward(gradient): gradient shape " + Shapes.str(gradient.shape)
                        + " does not match the tensor's shape " + Shapes.str(root.shape));
            }
            seed = gradient.data.clone();
        }
        List<Tensor> order = topologicalOrder(root);
        for (Tensor t : order) { // fail before any gradient is added, not halfway through
            if (t.gradFn != null) {
                t.gradFn.checkSaved();
            }
        }
        try {
            root.pending = seed;
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                double[] g = t.pending;
                if (g == null) {
                    continue;
                }
                Node fn = t.gradFn;
                if (fn != null) {
                    fn.backward(g);
                }
                if (t.keepsGrad()) {
                    t.accumulateGrad(g, true);
                }
                t.pending = null;
            }
            if (!retainGraph) {
                for (Tensor t : order) {
                    if (t.gradFn != null) {
                        t.gradFn.release();
                    }
                }
            }
        } finally {
            for (Tensor t : order) {
                t.pending = null;
            }
        }
    }

    /** Tensors that require grad reachable from {@code root}, inputs before the tensors computed from them. */
    static List<Tensor> topologicalOrder(Tensor root) {
        long pass = PASSES.incrementAndGet();
        List<Tensor> order = new ArrayList<>();
        // iterative DFS: a graph kept alive across thousands of batches is deeper than the call stack
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        root.visited = pass;
        stack.push(root);
        next.push(0);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int i = next.pop();
            Tensor[] inputs = t.gradFn == null ? NO_INPUTS : t.gradFn.inputs;
            while (i < inputs.length && (inputs[i].visited == pass || !inputs[i].requiresGrad())) {
                i++;
            }
            if (i < inputs.length) {
                next.push(i + 1);
                Tensor child = inputs[i];
                child.visited = pass;
                stack.push(child);
                next.push(0);
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    private static final Tensor[] NO_INPUTS = new Tensor[0];
}
