package dev.gradlab.engine.optim;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Updates a fixed list of parameters from their gradients. A parameter whose gradient is null is skipped (it took
 * no part in the loss); a zero gradient still counts as a step, which moves momentum and Adam's averages.
 */
public abstract class Optimizer {

    private final List<Tensor> params;

    protected Optimizer(List<Tensor> params) {
        this.params = List.copyOf(params);
        for (int i = 0; i < this.params.size(); i++) {
            Tensor p = this.params.get(i);
            if (!p.isLeaf()) {
                throw new AutogradException("Optimizer: parameter " + i + " (" + p + ") is not a leaf: can only"
                        + " optimize tensors created by the user, e.g. module parameters");
            }
        }
    }

    public List<Tensor> params() {
        return params;
    }

    /** Clears every parameter's gradient: null when {@code setToNone} (PyTorch 2.x default), else zeros. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params) {
            p.zeroGrad(setToNone);
        }
    }

    public void zeroGrad() {
        zeroGrad(true);
    }

    /** One update from each parameter's {@code grad()}. */
    public void step() {
        step(Tensor::grad);
    }

    /** One update from the gradient the caller hands in for each parameter; null skips that parameter. */
    public void step(Function<Tensor, @Nullable Tensor> gradientOf) {
        try (var off = Autograd.noGrad()) { // parameter updates are not part of any graph
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                Tensor g = gradientOf.apply(p);
                if (g == null) {
                    continue;
                }
                if (!Arrays.equals(g.shape(), p.shape())) {
                    throw new AutogradException(getClass().getSimpleName() + ".step: gradient of shape "
                            + Arrays.toString(g.shape()) + " for parameter " + i + " of shape "
                            + Arrays.toString(p.shape()));
                }
                update(i, p, g);
            }
        }
    }

    /** Applies the update rule to parameter {@code index} in place; {@code g} must not be modified. */
    protected abstract void update(int index, Tensor p, Tensor g);
}
