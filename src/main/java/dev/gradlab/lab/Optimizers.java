package dev.gradlab.lab;

import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.optim.Adam;
import dev.gradlab.engine.optim.Optimizer;
import dev.gradlab.engine.optim.Sgd;
import dev.gradlab.scenario.OptimizerSpec;
import java.util.List;

/** The engine optimizer a scenario asks for, for both the scenario runner and the model trainer. */
public final class Optimizers {

    private Optimizers() {}

    public static Optimizer of(OptimizerSpec o, double learningRate, List<Tensor> params) {
        return switch (o.type()) {
            case SGD -> new Sgd(params, learningRate, o.momentum(), o.dampening(), o.weightDecay(), o.nesterov());
            case ADAM -> new Adam(params, learningRate, o.beta1(), o.beta2(), o.eps(), o.weightDecay());
        };
    }
}
