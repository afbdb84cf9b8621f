package dev.gradlab.engine.nn;

import dev.gradlab.engine.Tensor;

/** y = tanh x */
public final class Tanh extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
