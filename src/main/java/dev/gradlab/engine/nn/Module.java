package dev.gradlab.engine.nn;

import dev.gradlab.engine.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer or a model: its own parameters plus child modules, and a training flag that {@link #train()} and
 * {@link #eval()} set for the whole tree. The flag only changes layers like {@link Dropout}; it does not turn off
 * graph recording — that is {@code Autograd.noGrad()}, a different switch, exactly as in PyTorch.
 */
public abstract class Module {

    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's computation. */
    public abstract Tensor forward(Tensor x);

    /** Registers a parameter (a leaf that requires grad) under {@code name}; returns it. */
    protected final Tensor registerParameter(String name, Tensor parameter) {
        parameter.requiresGrad_(true);
        parameters.put(name, parameter);
        return parameter;
    }

    /** Registers a child module under {@code name}; its parameters appear as {@code name.param}. */
    protected final <M extends Module> M registerModule(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** All parameters of this module and its children, in registration order. */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters by dotted name, e.g. {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, as PyTorch names them. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>(parameters);
        children.forEach(
                (prefix, child) -> child.namedParameters().forEach((name, p) -> out.put(prefix + "." + name, p)));
        return Collections.unmodifiableMap(out);
    }

    /** Child modules in registration order. */
    public Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Training mode for this module and all children (dropout active); returns {@code this}. */
    public Module train() {
        return train(true);
    }

    public Module train(boolean mode) {
        training = mode;
        children.values().forEach(c -> c.train(mode));
        return this;
    }

    /** Evaluation mode (dropout off); graph recording is unaffected. Returns {@code this}. */
    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** {@code zeroGrad(setToNone)} on every parameter. */
    public void zeroGrad(boolean setToNone) {
        parameters().forEach(p -> p.zeroGrad(setToNone));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "()";
    }
}
