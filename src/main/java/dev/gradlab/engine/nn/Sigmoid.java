package dev.gradlab.engine.nn;

import dev.gradlab.engine.Tensor;

/** y = 1 / (1 + e⁻ˣ) */
public final class Sigmoid extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
