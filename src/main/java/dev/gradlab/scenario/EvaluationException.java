package dev.gradlab.scenario;

/** The engine refused an operation of a loss while it ran, at a 1-based position of the loss text. */
public final class EvaluationException extends RuntimeException {

    private final int position;

    public EvaluationException(int position, String message) {
        super("position " + position + ": " + message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
