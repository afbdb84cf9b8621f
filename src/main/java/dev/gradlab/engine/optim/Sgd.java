package dev.gradlab.engine.optim;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.Tensor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * torch.optim.SGD:  d = g + λ·p;  with momentum μ: b = d on the first step, else b = μ·b + (1 − τ)·d, and
 * d = b (or d + μ·b with Nesterov);  p = p − lr·d.
 */
public final class Sgd extends Optimizer {

    private final double lr;
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final @Nullable Tensor[] buffers;

    public Sgd(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    public Sgd(
            List<Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super(params);
        if (lr < 0 || momentum < 0 || weightDecay < 0) {
            throw new AutogradException("Sgd: lr, momentum and weightDecay must be ≥ 0 (lr=" + lr + ", momentum="
                    + momentum + ", weightDecay=" + weightDecay + ")");
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new AutogradException("Sgd: Nesterov momentum requires a momentum > 0 and zero dampening");
        }
        this.lr = lr;
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.buffers = new Tensor[params.size()];
    }

    @Override
    protected void update(int index, Tensor p, Tensor g) {
        Tensor d = weightDecay != 0 ? g.add(p.mul(weightDecay)) : g;
        if (momentum != 0) {
            Tensor b = buffers[index];
            if (b == null) {
                b = d.copy();
                buffers[index] = b;
            } else {
                b.mul_(momentum);
                b.addInPlace_(d, 1 - dampening);
            }
            d = nesterov ? d.add(b.mul(momentum)) : b;
        }
        p.addInPlace_(d, -lr);
    }

    /** The momentum buffer of parameter {@code index} (a copy), or null before its first step. */
    public @Nullable Tensor momentumBuffer(int index) {
        Tensor b = buffers[index];
        return b == null ? null : b.copy();
    }
}
