package dev.gradlab.engine.optim;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.Tensor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * torch.optim.Adam:  g = g + λ·p;  m = β₁·m + (1 − β₁)·g;  v = β₂·v + (1 − β₂)·g²;
 * p = p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε), with t counted per parameter.
 */
public final class Adam extends Optimizer {

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final int[] steps;
    private final @Nullable Tensor[] expAvg;
    private final @Nullable Tensor[] expAvgSq;

    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params);
        if (lr < 0 || eps < 0 || weightDecay < 0 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new AutogradException("Adam: need lr, eps, weightDecay ≥ 0 and betas in [0, 1) (lr=" + lr
                    + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", weightDecay=" + weightDecay + ")");
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.steps = new int[params.size()];
        this.expAvg = new Tensor[params.size()];
        this.expAvgSq = new Tensor[params.size()];
    }

    @Override
    protected void update(int index, Tensor p, Tensor grad) {
        Tensor m = expAvg[index];
        Tensor v = expAvgSq[index];
        if (m == null || v == null) {
            m = Tensor.zeros(p.shape());
            v = Tensor.zeros(p.shape());
            expAvg[index] = m;
            expAvgSq[index] = v;
        }
        int t = ++steps[index];
        // the same operations in the same order as PyTorch's single-tensor Adam, so results agree to the last bits
        Tensor g = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
        m.mul_(beta1);
        m.addInPlace_(g, 1 - beta1);
        v.mul_(beta2);
        v.addcmul_(g, g, 1 - beta2);
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        Tensor denom = v.sqrt().div(bias2Sqrt).add(eps);
        p.addcdiv_(m, denom, -stepSize);
    }

    /** How many steps parameter {@code index} has taken. */
    public int stepCount(int index) {
        return steps[index];
    }
}
