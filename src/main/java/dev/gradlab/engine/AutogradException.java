package dev.gradlab.engine;

/** Every usage error of the engine: shape mismatches, backward twice, backward without a graph, bad arguments. */
public class AutogradException extends RuntimeException {

    public AutogradException(String message) {
        super(message);
    }
}
