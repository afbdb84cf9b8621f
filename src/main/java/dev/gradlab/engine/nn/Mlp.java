package dev.gradlab.engine.nn;

import dev.gradlab.engine.AutogradException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Builds the usual multi-layer perceptron: Linear, activation, [Dropout], ..., Linear (no activation at the end). */
public final class Mlp {

    private Mlp() {}

    /**
     * {@code layers} are the sizes, input first: {@code [784, 128, 10]} gives Linear(784,128), act, Linear(128,10).
     * {@code activation}: relu, tanh or sigmoid. {@code dropout} &gt; 0 adds Dropout after every hidden activation.
     */
    public static Sequential of(int[] layers, String activation, double dropout, Random rnd) {
        if (layers.length < 2) {
            throw new AutogradException(
                    "Mlp.of: need at least an input and an output size, got " + java.util.Arrays.toString(layers));
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new AutogradException("Mlp.of: dropout must be in [0, 1), got " + dropout);
        }
        activation(activation); // fail before building anything
        List<Module> modules = new ArrayList<>();
        for (int i = 0; i + 1 < layers.length; i++) {
            modules.add(new Linear(layers[i], layers[i + 1], rnd));
            if (i + 2 < layers.length) {
                modules.add(activation(activation));
                if (dropout > 0) {
                    modules.add(new Dropout(dropout, rnd));
                }
            }
        }
        return new Sequential(modules.toArray(Module[]::new));
    }

    static Module activation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "relu" -> new ReLU();
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid();
            default ->
                throw new AutogradException("Mlp.of: unknown activation '" + name + "' (use relu, tanh or sigmoid)");
        };
    }
}
