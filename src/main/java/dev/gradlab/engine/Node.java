package dev.gradlab.engine;

/**
 * A recorded operation, PyTorch's {@code grad_fn}: its inputs (the graph's edges), the values its backward rule
 * needs, and that rule. Each operation has a static factory that computes the forward result, {@link #save}s what
 * backward needs and wraps the result with {@link #output}; its {@link #backward(double[])} must ADD each input's
 * gradient into {@link #gradOf(Tensor)} — never assign, because an input used twice gets a contribution per use.
 */
abstract class Node {

    private static final Tensor[] NONE = new Tensor[0];
    /** Stands in for inputs that need no gradient, so a kept-alive graph does not keep their data alive. */
    private static final Tensor CONSTANT = new Tensor(new double[1], Shapes.SCALAR);

    final String name;
    final Tensor[] inputs;
    /** Whether this operation is part of a graph (grad mode on and some input requires grad). */
    final boolean recording;

    private Tensor[] saved = NONE;
    private int[] savedVersions = new int[0];
    private boolean released;

    Node(String name, Tensor... inputs) {
        this.name = name;
        this.inputs = inputs;
        this.recording = Autograd.isGradEnabled() && anyRequiresGrad(inputs);
        if (recording) { // like PyTorch's edges, which only lead to tensors that require grad
            for (int i = 0; i < inputs.length; i++) {
                if (!inputs[i].requiresGrad()) {
                    inputs[i] = CONSTANT;
                }
            }
        }
    }

    /** Adds {@code ∂loss/∂input} for every input that requires grad; {@code g} is {@code ∂loss/∂output}. */
    abstract void backward(double[] g);

    /** Keeps tensors for the backward rule; freed by backward() unless retainGraph, like PyTorch's saved tensors. */
    final void save(Tensor... tensors) {
        if (!recording) {
            return;
        }
        saved = tensors;
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            savedVersions[i] = tensors[i].version();
        }
    }

    final Tensor saved(int i) {
        return saved[i];
    }

    final double[] savedData(int i) {
        return saved[i].data;
    }

    /** Wraps the forward result and, when recording, makes this node its grad_fn. */
    final Tensor output(double[] data, int[] shape) {
        Tensor out = new Tensor(data, shape);
        if (recording) {
            out.attach(this);
        }
        return out;
    }

    /** Like {@link #output} for a result that shares {@code base}'s values (a view): in-place writes to either count for both. */
    final Tensor outputView(Tensor base, int[] shape) {
        Tensor out = base.sharing(shape);
        if (recording) {
            out.attach(this);
        }
        return out;
    }

    /** Whether input {@code i} needs a gradient (inputs that don't are skipped: no wasted work). */
    final boolean needs(int i) {
        return inputs[i].requiresGrad();
    }

    /** The gradient buffer of {@code t} for the running backward pass, zero-filled on first use. */
    static double[] gradOf(Tensor t) {
        double[] g = t.pending;
        if (g == null) {
            g = new double[t.numel()];
            t.pending = g;
        }
        return g;
    }

    /** Fails like PyTorch when saved values were freed by an earlier backward() or modified in place since. */
    final void checkSaved() {
        if (released) {
            throw new AutogradException("Trying to backward through the graph a second time: the saved values of "
                    + name + " were already freed by the first backward(). Call backward(gradient, retainGraph=true)"
                    + " the first time if you need to backward through the same graph again.");
        }
        for (int i = 0; i < saved.length; i++) {
            if (saved[i].version() != savedVersions[i]) {
                throw new AutogradException("A tensor needed by " + name + " to compute gradients (shape "
                        + Shapes.str(saved[i].shape) + ") was modified in place after the forward pass"
                        + " (version " + savedVersions[i] + " → " + saved[i].version() + "): call backward()"
                        + " before changing it, e.g. before optimizer.step().");
            }
        }
    }

    /** Frees saved values after backward; nodes that saved nothing can run again, exactly as in PyTorch. */
    final void release() {
        if (saved.length > 0) {
            saved = NONE;
            released = true;
        }
    }

    /** Saved tensors, for graph accounting (empty once released). */
    final Tensor[] savedTensors() {
        return saved;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
