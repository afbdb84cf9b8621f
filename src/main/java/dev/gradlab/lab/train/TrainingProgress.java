package dev.gradlab.lab.train;

/**
 * Receives a training run's progress, on the thread that trains (a UI must hand it over to its own thread, e.g. with
 * Vaadin's {@code UI.access}). Keep callbacks quick: the training waits for them.
 */
public interface TrainingProgress {

    TrainingProgress NONE = new TrainingProgress() {};

    /** After every batch of every strategy (steps of different strategies interleave by epoch). */
    default void onStep(StepProgress step) {}

    /** After every epoch of every strategy, once its evaluation pass is done. */
    default void onEpoch(EpochProgress epoch) {}
}
