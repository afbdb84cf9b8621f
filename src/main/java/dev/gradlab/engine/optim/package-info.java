/**
 * Optimizers named and computed as in {@code torch.optim}: {@link dev.gradlab.engine.optim.Sgd} and
 * {@link dev.gradlab.engine.optim.Adam}. They update parameters in place under no-grad, skip parameters whose
 * gradient is null, and can be handed gradients by the caller (for the lesson's gradient strategies).
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.engine.optim;
