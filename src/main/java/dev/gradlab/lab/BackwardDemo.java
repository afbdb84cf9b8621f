package dev.gradlab.lab;

import dev.gradlab.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The lesson's first widget: x = [1, 2, 3] requiring grad, and y = sum(x²) built and back-propagated on demand, so a
 * student sees backward() add into {@code x.grad} click after click. One instance per view: it holds that page's x.
 */
public final class BackwardDemo {

    private static final double[] START = {1, 2, 3};

    private final Tensor x = Tensor.vector(START).requiresGrad_(true).named("x");
    private final List<Call> history = new ArrayList<>();
    private int calls;
    private int sinceZero;
    private int lastZeroed;

    /**
     * One backward() call as the widget lists it.
     *
     * @param number the call's number, from 1
     * @param zeroed whether {@code zero_grad()} ran just before it
     * @param grad   {@code x.grad} after the call
     */
    public record Call(int number, boolean zeroed, double[] grad) {}

    /** The values of x (they never change: only the gradient does). */
    public double[] x() {
        return x.toArray();
    }

    /**
     * One click: optionally {@code zero_grad()} (set to None, as PyTorch 2's optimizers do), then a fresh forward
     * y = sum(x²) and {@code y.backward()}. Returns {@code x.grad} afterwards.
     */
    public double[] backwardOnce(boolean zeroGradFirst) {
        if (zeroGradFirst) {
            x.zeroGrad(true);
            sinceZero = 0;
        }
        Tensor y = x.pow(2).sum();
        y.backward();
        calls++;
        sinceZero++;
        if (zeroGradFirst) {
            lastZeroed = calls;
        }
        double[] grad =
                Objects.requireNonNull(x.grad(), "backward() left x.grad unset").toArray();
        history.add(new Call(calls, zeroGradFirst, grad.clone()));
        return grad;
    }

    /**
     * What the next click would leave in {@code x.grad} (so the code panel can print it before the click), computed
     * by the engine on a copy: the gradient now (nothing after a zero_grad) plus one more 2x.
     */
    public double[] nextGrad(boolean zeroGradFirst) {
        Tensor copy = Tensor.vector(START).requiresGrad_(true);
        double[] now = grad();
        copy.pow(2).sum().backward();
        double[] one = Objects.requireNonNull(copy.grad(), "backward() left x.grad unset")
                .toArray();
        if (!zeroGradFirst && now != null) {
            for (int i = 0; i < one.length; i++) {
                one[i] += now[i];
            }
        }
        return one;
    }

    /** Every call since the start (or the last reset), oldest first. */
    public List<Call> history() {
        return List.copyOf(history);
    }

    /** How many backward() calls {@code x.grad} holds the sum of: those since the last zero_grad(), or the start. */
    public int callsSinceZero() {
        return sinceZero;
    }

    /** The number of the last call that zeroed first, 0 if none did. */
    public int lastZeroedCall() {
        return lastZeroed;
    }

    /** {@code x.grad}, or null (PyTorch's None) before the first backward. */
    public double @Nullable [] grad() {
        Tensor g = x.grad();
        return g == null ? null : g.toArray();
    }

    public int calls() {
        return calls;
    }

    /** Back to the start: no gradient, no calls. */
    public void reset() {
        x.zeroGrad(true);
        calls = 0;
        sinceZero = 0;
        lastZeroed = 0;
        history.clear();
    }

    /** What a single backward() contributes, dy/dx = 2x, computed by the engine on a fresh copy of x. */
    public static double[] gradientOfOneCall() {
        Tensor fresh = Tensor.vector(START).requiresGrad_(true);
        fresh.pow(2).sum().backward();
        return Objects.requireNonNull(fresh.grad(), "backward() left x.grad unset")
                .toArray();
    }
}
