package dev.gradlab.lab.train;

/**
 * Follows one training job: its place in the queue, its start, every step and epoch, and its end. Called on a
 * training thread (or, for {@link #onQueued} at submission and {@link #onFinished} after a queued job's cancel, on the
 * thread that submitted or cancelled) — never assume the UI thread: a Vaadin view wraps its updates in
 * {@code UI.access}. If a callback throws, the job is cancelled (its page is most likely gone).
 */
public interface TrainingListener extends TrainingProgress {

    /** The job waits; {@code placeInLine} is 1 for the next job to start. Called again whenever it moves up. */
    default void onQueued(TrainingJob job, int placeInLine) {}

    /** A training thread has picked the job up. */
    default void onStarted(TrainingJob job) {}

    /** The job ended: {@link TrainingJob#state()} is DONE (with a result), CANCELLED or FAILED (with a message). */
    default void onFinished(TrainingJob job) {}
}
