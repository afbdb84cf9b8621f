package dev.gradlab.scenario;

/** A problem inside a loss expression, at a 1-based position of its text. */
public final class ExpressionException extends Exception {

    private final int position;

    public ExpressionException(int position, String message) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
