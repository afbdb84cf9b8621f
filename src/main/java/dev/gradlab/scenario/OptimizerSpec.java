package dev.gradlab.scenario;

/**
 * The optimizer a scenario asks for; the learning rate lives on the scenario. Defaults follow PyTorch
 * ({@code torch.optim.SGD}, {@code torch.optim.Adam}).
 */
public record OptimizerSpec(
        Type type,
        double momentum,
        double dampening,
        double weightDecay,
        boolean nesterov,
        double beta1,
        double beta2,
        double eps) {

    public enum Type {
        SGD,
        ADAM
    }

    public static OptimizerSpec sgd() {
        return new OptimizerSpec(Type.SGD, 0, 0, 0, false, 0.9, 0.999, 1e-8);
    }

    public static OptimizerSpec adam() {
        return new OptimizerSpec(Type.ADAM, 0, 0, 0, false, 0.9, 0.999, 1e-8);
    }

    public OptimizerSpec withMomentum(double value) {
        return new OptimizerSpec(type, value, dampening, weightDecay, nesterov, beta1, beta2, eps);
    }

    public OptimizerSpec withDampening(double value) {
        return new OptimizerSpec(type, momentum, value, weightDecay, nesterov, beta1, beta2, eps);
    }

    public OptimizerSpec withWeightDecay(double value) {
        return new OptimizerSpec(type, momentum, dampening, value, nesterov, beta1, beta2, eps);
    }

    public OptimizerSpec withNesterov(boolean value) {
        return new OptimizerSpec(type, momentum, dampening, weightDecay, value, beta1, beta2, eps);
    }

    public OptimizerSpec withBeta1(double value) {
        return new OptimizerSpec(type, momentum, dampening, weightDecay, nesterov, value, beta2, eps);
    }

    public OptimizerSpec withBeta2(double value) {
        return new OptimizerSpec(type, momentum, dampening, weightDecay, nesterov, beta1, value, eps);
    }

    public OptimizerSpec withEps(double value) {
        return new OptimizerSpec(type, momentum, dampening, weightDecay, nesterov, beta1, beta2, value);
    }
}
