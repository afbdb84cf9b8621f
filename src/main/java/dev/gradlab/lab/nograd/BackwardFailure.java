package dev.gradlab.lab.nograd;

/**
 * What happens when {@code backward()} is called on a loss computed inside no-grad: the loss does not require grad
 * and has no grad_fn, so the engine refuses.
 *
 * @param afterScope  the exact message when backward() is called after the no-grad block has closed (the usual
 *                    mistake)
 * @param insideScope the exact message when it is called while still inside the block
 */
public record BackwardFailure(boolean requiresGrad, boolean hasGradFn, String afterScope, String insideScope) {}
