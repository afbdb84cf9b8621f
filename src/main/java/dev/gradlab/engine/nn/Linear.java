package dev.gradlab.engine.nn;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.F;
import dev.gradlab.engine.Tensor;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * y = x·Wᵀ + b with weight W [out, in] and bias b [out], both initialised like PyTorch's nn.Linear:
 * uniform in [−1/√in, 1/√in), weight drawn first.
 */
public final class Linear extends Module {

    private final int in;
    private final int out;
    private final Tensor weight;
    private final @Nullable Tensor bias;

    public Linear(int in, int out, Random rnd) {
        this(in, out, true, rnd);
    }

    public Linear(int in, int out, boolean bias, Random rnd) {
        if (in <= 0 || out <= 0) {
            throw new AutogradException("Linear(" + in + ", " + out + "): sizes must be positive");
        }
        this.in = in;
        this.out = out;
        double bound = 1 / Math.sqrt(in);
        this.weight = registerParameter(
                "weight", Tensor.uniform(rnd, -bound, bound, out, in).named("weight"));
        this.bias = bias
                ? registerParameter(
                        "bias", Tensor.uniform(rnd, -bound, bound, out).named("bias"))
                : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.linear(x, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    public @Nullable Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    @Override
    public String toString() {
        return "Linear(in_features=" + in + ", out_features=" + out + ", bias=" + (bias != null) + ")";
    }
}
