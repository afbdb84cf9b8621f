package dev.gradlab.engine.nn;

import dev.gradlab.engine.Tensor;
import java.util.List;
import java.util.stream.Collectors;

/** Modules applied one after another; their parameters are named {@code 0.weight}, {@code 0.bias}, ... */
public final class Sequential extends Module {

    private final Module[] layers;

    public Sequential(Module... layers) {
        this.layers = layers.clone();
        for (int i = 0; i < layers.length; i++) {
            registerModule(Integer.toString(i), layers[i]);
        }
        // label parameters with their full names so graph drawings read "0.weight" rather than "weight"
        namedParameters().forEach((name, p) -> p.named(name));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (Module layer : layers) {
            h = layer.forward(h);
        }
        return h;
    }

    public int size() {
        return layers.length;
    }

    public Module get(int i) {
        return layers[i];
    }

    public List<Module> layers() {
        return List.of(layers);
    }

    @Override
    public String toString() {
        return "Sequential(" + List.of(layers).stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
}
