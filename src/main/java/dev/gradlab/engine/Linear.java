package dev.gradlab.engine;

import org.jspecify.annotations.Nullable;

/**
 * y = x·Wᵀ + b for x [batch, in], W [out, in], b [out] (PyTorch's addmm inside nn.Linear), fused so no transpose
 * is ever built:  ∂x += G·W,  ∂W += Gᵀ·x,  ∂b += Σ_batch G
 */
final class Linear extends Node {

    private final int batch;
    private final int in;
    private final int out;

    private Linear(Tensor x, Tensor w, @Nullable Tensor b) {
        super("AddmmBackward0", b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b});
        this.batch = x.shape[0];
        this.in = x.shape[1];
        this.out = w.shape[0];
    }

    static Tensor apply(Tensor x, Tensor w, @Nullable Tensor b) {
        if (w.dim() != 2 || (x.dim() != 2 && x.dim() != 1) || x.shape[x.dim() - 1] != w.shape[1]) {
            throw new AutogradException("linear: input of shape " + Shapes.str(x.shape)
                    + " does not fit weight of shape " + Shapes.str(w.shape) + " (need input [batch, "
                    + (w.dim() == 2 ? w.shape[1] : "in") + "])");
        }
        if (b != null && (b.dim() != 1 || b.shape[0] != w.shape[0])) {
            throw new AutogradException("linear: bias of shape " + Shapes.str(b.shape)
                    + " does not fit weight of shape " + Shapes.str(w.shape) + " (need [" + w.shape[0] + "])");
        }
        if (x.dim() == 1) { // a single sample: treat as a batch of one, return a vector like PyTorch
            return apply(x.reshape(1, x.shape[0]), w, b).reshape(w.shape[0]);
        }
        Linear node = new Linear(x, w, b);
        double[] y = new double[node.batch * node.out];
        Kernels.matmulABt(x.data, w.data, y, node.batch, node.in, node.out);
        if (b != null) {
            for (int r = 0; r < node.batch; r++) {
                for (int j = 0; j < node.out; j++) {
                    y[r * node.out + j] += b.data[j];
                }
            }
        }
        node.save(x, w);
        return node.output(y, new int[] {node.batch, node.out});
    }

    @Override
    void backward(double[] g) {
        if (needs(0)) {
            Kernels.matmul(g, savedData(1), gradOf(inputs[0]), batch, out, in);
        }
        if (needs(1)) {
            Kernels.matmulAtB(g, savedData(0), gradOf(inputs[1]), out, batch, in);
        }
        if (inputs.length == 3 && needs(2)) {
            double[] gb = gradOf(inputs[2]);
            for (int r = 0; r < batch; r++) {
                for (int j = 0; j < out; j++) {
                    gb[j] += g[r * out + j];
                }
            }
        }
    }
}
