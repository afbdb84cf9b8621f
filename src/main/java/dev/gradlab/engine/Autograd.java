package dev.gradlab.engine;

/**
 * Grad mode, per thread (like PyTorch's): while it is off, operations record no graph and their results do not
 * require grad. Use {@code try (var off = Autograd.noGrad()) { ... }}.
 */
public final class Autograd {

    // A one-element array instead of ThreadLocal<Boolean>: no boxing and no set() on the hot path.
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private Autograd() {}

    /** Turns grad mode off on this thread until the returned scope is closed (PyTorch's {@code torch.no_grad()}). */
    public static NoGradScope noGrad() {
        return scope(false);
    }

    /** Turns grad mode on inside a no-grad region until the scope is closed (PyTorch's {@code torch.enable_grad()}). */
    public static NoGradScope enableGrad() {
        return scope(true);
    }

    /** Whether operations on this thread currently record a graph. */
    public static boolean isGradEnabled() {
        return ENABLED.get()[0];
    }

    static void setGradEnabled(boolean enabled) {
        ENABLED.get()[0] = enabled;
    }

    private static NoGradScope scope(boolean enabled) {
        boolean[] state = ENABLED.get();
        NoGradScope scope = new NoGradScope(state[0]);
        state[0] = enabled;
        return scope;
    }
}
