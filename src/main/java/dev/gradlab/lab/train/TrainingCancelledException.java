package dev.gradlab.lab.train;

/** Thrown out of {@link ModelTrainer#train} when its cancellation flag was seen set; nothing is returned. */
public final class TrainingCancelledException extends RuntimeException {

    TrainingCancelledException(long done, long total) {
        super("training cancelled after " + done + " of " + total + " steps");
    }
}
