/**
 * The step table shared by the lessons and the Lab: one row per optimizer step with the loss, the {@code .grad}
 * buffer, the gradient the optimizer applied and the parameters after the step. It takes its own row type
 * ({@link dev.gradlab.base.ui.steptable.StepRow}) so it does not depend on the runner.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui.steptable;
