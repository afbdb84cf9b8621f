package dev.gradlab.engine;

/**
 * C = A·B for matrices A [m, k] and B [k, n];  ∂A += G·Bᵀ,  ∂B += Aᵀ·G.
 * Vectors follow torch.matmul: [k]·[k, n] → [n], [m, k]·[k] → [m], [k]·[k] → scalar (via views of the 2-D product).
 */
final class MatMul extends Node {

    private final int m;
    private final int k;
    private final int n;

    private MatMul(Tensor a, Tensor b) {
        super("MmBackward0", a, b);
        this.m = a.shape[0];
        this.k = a.shape[1];
        this.n = b.shape[1];
    }

    static Tensor apply(Tensor a, Tensor b) {
        if ((a.dim() == 1 || b.dim() == 1) && a.dim() >= 1 && b.dim() >= 1 && a.dim() <= 2 && b.dim() <= 2) {
            int[] shape = a.dim() == 1 && b.dim() == 1
                    ? Shapes.SCALAR
                    : a.dim() == 1 ? new int[] {b.shape[1]} : new int[] {a.shape[0]};
            Tensor a2 = a.dim() == 1 ? a.reshape(1, a.shape[0]) : a;
            Tensor b2 = b.dim() == 1 ? b.reshape(b.shape[0], 1) : b;
            if (a2.shape[1] == b2.shape[0]) {
                return apply(a2, b2).reshape(shape);
            }
        }
        if (a.dim() != 2 || b.dim() != 2 || a.shape[1] != b.shape[0]) {
            throw new AutogradException("matmul: shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape)
                    + " cannot be multiplied (need [m, k] and [k, n])");
        }
        MatMul node = new MatMul(a, b);
        double[] c = new double[node.m * node.n];
        Kernels.matmul(a.data, b.data, c, node.m, node.k, node.n);
        node.save(a, b);
        return node.output(c, new int[] {node.m, node.n});
    }

    @Override
    void backward(double[] g) {
        if (needs(0)) {
            Kernels.matmulABt(g, savedData(1), gradOf(inputs[0]), m, n, k);
        }
        if (needs(1)) {
            Kernels.matmulAtB(savedData(0), g, gradOf(inputs[1]), k, m, n);
        }
    }
}
