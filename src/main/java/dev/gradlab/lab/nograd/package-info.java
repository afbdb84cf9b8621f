/**
 * The measured facts behind the no_grad lesson: the same evaluation batches run with and without the engine's
 * no-grad scope, the {@code total += loss} leak, the error of {@code backward()} on a no-grad result, and
 * {@code model.eval()} versus no-grad. Entry point: {@link dev.gradlab.lab.nograd.NoGradFacts}; plain Java, no Spring.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.lab.nograd;
