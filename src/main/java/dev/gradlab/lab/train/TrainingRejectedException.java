package dev.gradlab.lab.train;

/** A job the service will not take now: too many jobs of this session, or the queue is full. The message says which. */
public final class TrainingRejectedException extends RuntimeException {

    TrainingRejectedException(String message) {
        super(message);
    }
}
