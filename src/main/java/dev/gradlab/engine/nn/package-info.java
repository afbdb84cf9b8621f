/**
 * Neural-network building blocks on top of the engine, named as in {@code torch.nn}: {@link dev.gradlab.engine.nn.Module}
 * with parameters and train/eval mode, {@link dev.gradlab.engine.nn.Linear}, {@link dev.gradlab.engine.nn.Sequential},
 * activations, {@link dev.gradlab.engine.nn.Dropout}, and {@link dev.gradlab.engine.nn.Mlp} to build the usual stack.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.engine.nn;
