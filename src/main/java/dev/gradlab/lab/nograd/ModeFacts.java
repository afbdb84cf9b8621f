package dev.gradlab.lab.nograd;

import dev.gradlab.engine.GraphStats;

/**
 * One cell of the eval-versus-no-grad table: the same model (same weights, same dropout random stream) run on the
 * same rows in one mode.
 *
 * @param evalMode     {@code model.eval()} (dropout off) rather than {@code model.train()}
 * @param noGrad       inside {@code Autograd.noGrad()}
 * @param outputs      the model's outputs (logits), one row per input row
 * @param requiresGrad whether the outputs require grad
 * @param graph        what the outputs' graph keeps alive
 */
public record ModeFacts(boolean evalMode, boolean noGrad, double[][] outputs, boolean requiresGrad, GraphStats graph) {}
