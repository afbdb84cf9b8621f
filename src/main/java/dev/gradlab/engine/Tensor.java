package dev.gradlab.engine;

import java.util.Arrays;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * An n-dimensional array of doubles (row-major) that records, while grad mode is on, the operations that made it,
 * so that {@link #backward()} can compute gradients. Semantics follow PyTorch: only leaves that require grad get
 * {@link #grad()} (null until the first backward, then every backward ADDS into it), the graph is freed by
 * backward unless {@code retainGraph}, and nothing is recorded inside {@link Autograd#noGrad()}.
 * Shapes: {@code []} scalar, {@code [n]} vector, {@code [r, c]} matrix; elementwise ops and reductions work for
 * any rank, matmul/transpose need 2-D.
 */
public final class Tensor {

    final double[] data;
    final int[] shape;
    /** Shared by tensors that share {@link #data}; bumped by in-place writes so stale graphs are detected. */
    private final int[] version;

    private boolean requiresGrad;

    @Nullable
    Node gradFn;

    private @Nullable Tensor grad;
    private @Nullable String name;
    private boolean retainsGrad;
    /** Gradient being accumulated during a running backward pass (null outside one). */
    double @Nullable [] pending;
    /** Marker of the last backward/graph traversal that visited this tensor. */
    long visited;

    Tensor(double[] data, int[] shape) {
        this(data, shape, new int[1]);
    }

    private Tensor(double[] data, int[] shape, int[] version) {
        this.data = data;
        this.shape = shape;
        this.version = version;
    }

    // ---- creation (data is always copied in) ----

    public static Tensor scalar(double v) {
        return new Tensor(new double[] {v}, Shapes.SCALAR);
    }

    public static Tensor vector(double... v) {
        return new Tensor(v.clone(), new int[] {v.length});
    }

    public static Tensor matrix(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new AutogradException("matrix: row " + i + " has " + rows[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Tensor(d, new int[] {r, c});
    }

    public static Tensor of(double[] data, int... shape) {
        if (Shapes.numel(shape) != data.length) {
            throw new AutogradException("of: " + data.length + " values do not fill shape " + Shapes.str(shape) + " ("
                    + Shapes.numel(shape) + " elements)");
        }
        return new Tensor(data.clone(), shape.clone());
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new double[Shapes.numel(shape)], shape.clone());
    }

    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    public static Tensor full(double value, int... shape) {
        double[] d = new double[Shapes.numel(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone());
    }

    /** Standard normal values drawn from {@code rnd}. */
    public static Tensor randn(Random rnd, int... shape) {
        double[] d = new double[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new Tensor(d, shape.clone());
    }

    /** Values uniform in [lo, hi) drawn from {@code rnd}. */
    public static Tensor uniform(Random rnd, double lo, double hi, int... shape) {
        double[] d = new double[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return new Tensor(d, shape.clone());
    }

    // ---- autograd state ----

    /** Marks a leaf as a parameter whose gradient backward() should accumulate; returns {@code this}. */
    public Tensor requiresGrad_(boolean requiresGrad) {
        if (gradFn != null && !requiresGrad) {
            throw new AutogradException("requiresGrad_(false) on a non-leaf tensor (made by " + gradFn.name
                    + "): you can only change requiresGrad of leaves; use detach() for a copy without a graph");
        }
        if (gradFn == null) {
            this.requiresGrad = requiresGrad;
        }
        return this;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True unless an operation recorded in a graph made this tensor. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** PyTorch's grad_fn name, e.g. {@code "MulBackward0"}; null for leaves. */
    public @Nullable String gradFn() {
        return gradFn == null ? null : gradFn.name;
    }

    public Tensor named(String name) {
        this.name = name;
        return this;
    }

    public @Nullable String name() {
        return name;
    }

    /** The accumulated gradient: null until a backward() reaches this leaf (or retained non-leaf). */
    public @Nullable Tensor grad() {
        return grad;
    }

    /** Like assigning {@code p.grad} in PyTorch; later backward() calls add into the given tensor's data. */
    public void setGrad(@Nullable Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw new AutogradException("setGrad: gradient of shape " + Shapes.str(g.shape)
                    + " does not match tensor of shape " + Shapes.str(shape));
        }
        this.grad = g == null ? null : g.detach();
    }

    /** {@code setToNone}: drop the gradient (PyTorch 2.x default); otherwise fill it with zeros in place. */
    public void zeroGrad(boolean setToNone) {
        if (grad == null) {
            return;
        }
        if (setToNone) {
            grad = null;
        } else {
            Arrays.fill(grad.data, 0.0);
        }
    }

    /** Asks backward() to keep this non-leaf's gradient in {@link #grad()} too. */
    public void retainGrad() {
        if (!requiresGrad) {
            throw new AutogradException("retainGrad() on a tensor that does not require grad");
        }
        if (gradFn != null) {
            retainsGrad = true;
        }
    }

    boolean keepsGrad() {
        return gradFn == null || retainsGrad;
    }

    void attach(Node node) {
        gradFn = node;
        requiresGrad = true;
    }

    int version() {
        return version[0];
    }

    /** Adds {@code g} into {@link #grad()}; {@code owned} arrays may be adopted instead of copied. */
    void accumulateGrad(double[] g, boolean owned) {
        if (grad == null) {
            grad = new Tensor(owned ? g : g.clone(), shape);
        } else {
            Kernels.addInto(grad.data, g);
        }
    }

    // ---- backward ----

    /** Backpropagates from this scalar (d this/d this = 1), adding into the grads of the leaves it depends on. */
    public void backward() {
        backward(null, false);
    }

    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** {@code gradient}: d loss/d this (required unless this is a scalar); {@code retainGraph}: keep saved values. */
    public void backward(@Nullable Tensor gradient, boolean retainGraph) {
        Backprop.run(this, gradient, retainGraph);
    }

    // ---- data access ----

    public int[] shape() {
        return shape.clone();
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return data.length;
    }

    public double item() {
        if (data.length != 1) {
            throw new AutogradException("item() needs a tensor with one element, got shape " + Shapes.str(shape));
        }
        return data[0];
    }

    public double get(int... index) {
        if (index.length != shape.length) {
            throw new AutogradException("get: " + index.length + " indices for a tensor of shape " + Shapes.str(shape));
        }
        int offset = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new AutogradException(
                        "get: index " + Arrays.toString(index) + " is out of bounds for shape " + Shapes.str(shape));
            }
            offset = offset * shape[d] + index[d];
        }
        return data[offset];
    }

    public double[] toArray() {
        return data.clone();
    }

    public double[][] toMatrix() {
        if (shape.length != 2) {
            throw new AutogradException("toMatrix() needs a 2-D tensor, got shape " + Shapes.str(shape));
        }
        double[][] rows = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            rows[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return rows;
    }

    /** A tensor sharing this one's values and version counter, in another shape (for view ops). */
    Tensor sharing(int[] newShape) {
        return new Tensor(data, newShape, version);
    }

    /** Same data, no graph, never requires grad (PyTorch's {@code detach()}). */
    public Tensor detach() {
        return new Tensor(data, shape, version);
    }

    // ---- in-place updates, no graph (like torch's p.data.add_): what optimizers are made of ----

    /** {@code this += alpha·other} (other of the same shape, or one value); optimizers run it under no-grad. */
    public void addInPlace_(Tensor other, double alpha) {
        checkInPlace("addInPlace_");
        if (other.data.length == 1 && data.length != 1) {
            double v = alpha * other.data[0];
            for (int i = 0; i < data.length; i++) {
                data[i] += v;
            }
        } else {
            sameShape("addInPlace_", other);
            Kernels.axpy(data, alpha, other.data);
        }
        version[0]++;
    }

    /** {@code this ·= c} in place. */
    public void mul_(double c) {
        checkInPlace("mul_");
        for (int i = 0; i < data.length; i++) {
            data[i] *= c;
        }
        version[0]++;
    }

    /** {@code this += value · a ⊙ b} in place (torch's addcmul_). */
    public void addcmul_(Tensor a, Tensor b, double value) {
        checkInPlace("addcmul_");
        sameShape("addcmul_", a);
        sameShape("addcmul_", b);
        for (int i = 0; i < data.length; i++) {
            data[i] += value * a.data[i] * b.data[i];
        }
        version[0]++;
    }

    /** {@code this += value · a ⊘ b} in place (torch's addcdiv_). */
    public void addcdiv_(Tensor a, Tensor b, double value) {
        checkInPlace("addcdiv_");
        sameShape("addcdiv_", a);
        sameShape("addcdiv_", b);
        for (int i = 0; i < data.length; i++) {
            data[i] += value * a.data[i] / b.data[i];
        }
        version[0]++;
    }

    /** Overwrites all values with {@code src}'s (same shape) in place. */
    public void copy_(Tensor src) {
        checkInPlace("copy_");
        sameShape("copy_", src);
        System.arraycopy(src.data, 0, data, 0, data.length);
        version[0]++;
    }

    /** A copy of the values with no graph and no grad (torch's {@code detach().clone()}). */
    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    private void checkInPlace(String op) {
        if (requiresGrad && Autograd.isGradEnabled()) {
            throw new AutogradException(op + " on a tensor that requires grad while grad mode is on:"
                    + " wrap parameter updates in Autograd.noGrad(), as optimizers do");
        }
    }

    private void sameShape(String op, Tensor other) {
        if (!Arrays.equals(other.shape, shape)) {
            throw new AutogradException(op + ": shape " + Shapes.str(other.shape)
                    + " does not match this tensor's shape " + Shapes.str(shape));
        }
    }

    // ---- operations: see the op classes for formulas and derivatives ----

    public Tensor add(Tensor o) {
        return BinaryOps.add(this, o);
    }

    public Tensor add(double c) {
        return ScalarOps.add(this, c);
    }

    public Tensor sub(Tensor o) {
        return BinaryOps.sub(this, o);
    }

    public Tensor sub(double c) {
        return ScalarOps.add(this, -c, "SubBackward0");
    }
    /** {@code c - this} */
    public Tensor rsub(double c) {
        return ScalarOps.rsub(this, c);
    }

    public Tensor mul(Tensor o) {
        return BinaryOps.mul(this, o);
    }

    public Tensor mul(double c) {
        return ScalarOps.mul(this, c);
    }

    public Tensor div(Tensor o) {
        return BinaryOps.div(this, o);
    }

    public Tensor div(double c) {
        return ScalarOps.div(this, c);
    }
    /** {@code c / this} */
    public Tensor rdiv(double c) {
        return ScalarOps.rdiv(this, c);
    }

    public Tensor pow(double e) {
        return ScalarOps.pow(this, e);
    }

    public Tensor pow(Tensor e) {
        return BinaryOps.pow(this, e);
    }

    public Tensor neg() {
        return ScalarOps.mul(this, -1.0, "NegBackward0");
    }

    public Tensor exp() {
        return UnaryOps.exp(this);
    }

    public Tensor log() {
        return UnaryOps.log(this);
    }

    public Tensor sqrt() {
        return UnaryOps.sqrt(this);
    }

    public Tensor abs() {
        return UnaryOps.abs(this);
    }

    public Tensor tanh() {
        return UnaryOps.tanh(this);
    }

    public Tensor sigmoid() {
        return UnaryOps.sigmoid(this);
    }

    public Tensor relu() {
        return UnaryOps.relu(this);
    }

    public Tensor sum() {
        return ReduceOps.sum(this);
    }

    public Tensor sum(int dim) {
        return ReduceOps.sum(this, dim, false);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return ReduceOps.sum(this, dim, keepDim);
    }

    public Tensor mean() {
        return ReduceOps.mean(this);
    }

    public Tensor mean(int dim) {
        return ReduceOps.mean(this, dim, false);
    }

    public Tensor mean(int dim, boolean keepDim) {
        return ReduceOps.mean(this, dim, keepDim);
    }
    /** The largest value; with ties the gradient is shared evenly among them (as PyTorch's max()). */
    public Tensor max() {
        return ReduceOps.max(this);
    }
    /** Largest values along {@code dim}; the gradient goes to the first maximum (as PyTorch's max(dim)). */
    public Tensor max(int dim) {
        return ReduceOps.max(this, dim, false);
    }

    public Tensor max(int dim, boolean keepDim) {
        return ReduceOps.max(this, dim, keepDim);
    }
    /** Index of the first maximum along {@code dim}, as doubles; never requires grad. */
    public Tensor argmax(int dim) {
        return ReduceOps.argmax(this, dim);
    }

    public Tensor matmul(Tensor o) {
        return MatMul.apply(this, o);
    }

    public Tensor transpose() {
        return ShapeOps.transpose(this);
    }

    public Tensor t() {
        return ShapeOps.transpose(this);
    }
    /** Same values in a new shape (one dim may be -1); shares data like PyTorch's view of a contiguous tensor. */
    public Tensor reshape(int... shape) {
        return ShapeOps.reshape(this, shape, "ViewBackward0");
    }

    public Tensor view(int... shape) {
        return ShapeOps.reshape(this, shape, "ViewBackward0");
    }
    /** {@code this[i]}: the i-th slice along the first dim (a row of a matrix); gradient flows back into it. */
    public Tensor row(int i) {
        return ShapeOps.row(this, i);
    }

    public Tensor softmax(int dim) {
        return SoftmaxOps.softmax(this, dim);
    }

    public Tensor logSoftmax(int dim) {
        return SoftmaxOps.logSoftmax(this, dim);
    }

    // ---- graph inspection ----

    /** What this tensor's graph keeps alive (nodes and saved values); empty for leaves and no-grad results. */
    public GraphStats graphStats() {
        return Graphs.stats(this);
    }

    /** The graph behind this tensor as nodes and edges, for drawing. */
    public GraphView graph() {
        return Graphs.view(this);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("tensor(");
        if (shape.length == 0) {
            s.append(data[0]);
        } else if (data.length <= 20) {
            s.append(Arrays.toString(data));
        } else {
            s.append(Arrays.toString(Arrays.copyOf(data, 20))).setLength(s.length() - 1);
            s.append(", ...]");
        }
        s.append(", shape=").append(Shapes.str(shape));
        if (gradFn != null) {
            s.append(", grad_fn=<").append(gradFn.name).append('>');
        } else if (requiresGrad) {
            s.append(", requires_grad=True");
        }
        if (name != null) {
            s.append(", name=").append(name);
        }
        return s.append(')').toString();
    }
}
