package dev.gradlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads {@code optimizer: {type: sgd|adam, ...}}, checking each hyper-parameter's range as PyTorch would. */
final class OptimizerReader {

    private static final List<String> SGD = List.of("type", "momentum", "dampening", "weightDecay", "nesterov");
    private static final List<String> ADAM = List.of("type", "beta1", "beta2", "eps", "weightDecay");

    private final NodeReader read;

    OptimizerReader(NodeReader read) {
        this.read = read;
    }

    OptimizerSpec read(JsonNode node, String at) throws ScenarioException {
        if (!node.isObject() || !node.has("type")) {
            throw read.error(
                    at, "optimizer must be a mapping with a type, e.g. {type: sgd, momentum: 0.9} or {type: adam}");
        }
        String type = read.string(node.get("type"), at + "/type");
        List<String> allowed = switch (type) {
            case "sgd" -> SGD;
            case "adam" -> ADAM;
            default -> throw read.error(at + "/type", "unknown optimizer '" + type + "' (optimizers: sgd, adam)");
        };
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw read.error(
                        at + "/" + f,
                        "unknown field '" + f + "' for optimizer " + type + " (fields: " + String.join(", ", allowed)
                                + "; the learning rate is the scenario's learningRate)");
            }
        }
        OptimizerSpec d = type.equals("sgd") ? OptimizerSpec.sgd() : OptimizerSpec.adam();
        double momentum = value(node, at, "momentum", d.momentum(), 0, Double.MAX_VALUE);
        double dampening = value(node, at, "dampening", d.dampening(), 0, 1);
        double weightDecay = value(node, at, "weightDecay", d.weightDecay(), 0, Double.MAX_VALUE);
        boolean nesterov = false;
        if (node.has("nesterov")) {
            if (!node.get("nesterov").isBoolean()) {
                throw read.error(
                        at + "/nesterov", "expected true or false, found " + NodeReader.describe(node.get("nesterov")));
            }
            nesterov = node.get("nesterov").booleanValue();
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw read.error(at + "/nesterov", "Nesterov momentum requires a momentum > 0 and zero dampening");
            }
        }
        double beta1 = value(node, at, "beta1", d.beta1(), 0, Math.nextDown(1.0));
        double beta2 = value(node, at, "beta2", d.beta2(), 0, Math.nextDown(1.0));
        double eps = value(node, at, "eps", d.eps(), 0, Double.MAX_VALUE);
        return new OptimizerSpec(d.type(), momentum, dampening, weightDecay, nesterov, beta1, beta2, eps);
    }

    private double value(JsonNode node, String at, String field, double fallback, double min, double max)
            throws ScenarioException {
        if (!node.has(field)) {
            return fallback;
        }
        double v = read.number(node.get(field), at + "/" + field);
        if (v < min || v > max) {
            throw read.error(
                    at + "/" + field,
                    field + " must be in [" + min + ", "
                            + (max == Double.MAX_VALUE ? "inf" : max < 1 ? "1" : String.valueOf(max))
                            + (max < 1 ? ")" : "]") + ", found " + v);
        }
        return v;
    }
}
