package dev.gradlab.engine.nn;

import dev.gradlab.engine.Tensor;

/** y = max(x, 0) */
public final class ReLU extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
