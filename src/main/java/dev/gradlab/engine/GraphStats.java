package dev.gradlab.engine;

/**
 * What the autograd graph behind a tensor keeps alive: {@code nodes} recorded operations (grad_fns),
 * {@code savedTensors} distinct arrays they saved for backward, {@code savedValues} doubles in those arrays,
 * and {@code bytes}, an estimate of the heap they hold (arrays plus node objects).
 */
public record GraphStats(int nodes, int savedTensors, long savedValues, long bytes) {

    /** No graph at all: a leaf, or a result computed under no-grad. */
    public static final GraphStats EMPTY = new GraphStats(0, 0, 0, 0);
}
