/**
 * Training real models: {@code kind: model} scenarios run by {@link dev.gradlab.lab.train.ModelTrainer} (every strategy
 * from the same initial weights on the same shuffled batches, an evaluation pass under no-grad after each epoch), the
 * bounded {@link dev.gradlab.lab.train.TrainingService} that runs such jobs off the caller's thread with progress and
 * cancellation, and {@link dev.gradlab.lab.train.NoGradFacts}, the measured facts behind the no_grad lesson.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.lab.train;
