package dev.gradlab.engine;

/**
 * A grad-mode scope opened by {@link Autograd#noGrad()} (or {@link Autograd#enableGrad()}); closing it restores the
 * mode that was active when it was opened, so scopes nest like Python's {@code with torch.no_grad():}.
 */
public final class NoGradScope implements AutoCloseable {

    private final boolean previous;
    private boolean closed;

    NoGradScope(boolean previous) {
        this.previous = previous;
    }

    @Override
    public void close() {
        if (!closed) { // closing twice must not undo an outer scope's state
            closed = true;
            Autograd.setGradEnabled(previous);
        }
    }
}
