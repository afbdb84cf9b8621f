package dev.gradlab.lab.nograd;

import dev.gradlab.engine.GraphStats;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation batch, run one way.
 *
 * @param graph        what the batch loss's graph keeps alive (nodes, saved tensors and values, bytes); empty under
 *                     no-grad
 * @param nanos        wall-clock time of the forward pass and loss
 * @param requiresGrad whether the loss requires grad
 * @param gradFn       the loss's grad_fn name (e.g. {@code NllLossBackward0}), null under no-grad
 * @param loss         the batch's mean loss (the same either way)
 * @param correct      arg-max hits in the batch (the same either way)
 */
public record PassFacts(
        GraphStats graph,
        long nanos,
        boolean requiresGrad,
        @Nullable String gradFn,
        double loss,
        int correct) {}
