package dev.gradlab.lab;

import dev.gradlab.engine.Tensor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The lesson's first widget: x = [1, 2, 3] requiring grad, and y = sum(x²) built and back-propagated on demand, so a
 * student sees backward() add into {@code x.grad} click after click. One instance per view: it holds that page's x.
 */
public final class BackwardDemo {

    private static final double[] START = {1, 2, 3};

    private final Tensor x = Tensor.vector(START).requiresGrad_(true).named("x");
    private int calls;

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
        }
        Tensor y = x.pow(2).sum();
        y.backward();
        calls++;
        return Objects.requireNonNull(x.grad(), "backward() left x.grad unset").toArray();
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
    }

    /** What a single backward() contributes, dy/dx = 2x, computed by the engine on a fresh copy of x. */
    public static double[] gradientOfOneCall() {
        Tensor fresh = Tensor.vector(START).requiresGrad_(true);
        fresh.pow(2).sum().backward();
        return Objects.requireNonNull(fresh.grad(), "backward() left x.grad unset")
                .toArray();
    }
}
