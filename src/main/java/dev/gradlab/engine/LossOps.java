package dev.gradlab.engine;

import java.util.Arrays;
import java.util.Random;

/** The operations behind {@link F}: mean squared error, negative log-likelihood, dropout. */
final class LossOps {

    private LossOps() {}

    /** L = (1/n) Σ (p − t)²;  ∂p += (2/n) · (p − t) · g,  ∂t −= the same */
    static final class MseLoss extends Node {
        MseLoss(Tensor pred, Tensor target) {
            super("MseLossBackward0", pred, target);
        }

        @Override
        void backward(double[] g) {
            double[] p = savedData(0);
            double[] t = savedData(1);
            double norm = 2.0 / p.length;
            for (int k = 0; k < 2; k++) {
                if (needs(k)) {
                    double[] gk = gradOf(inputs[k]);
                    double sign = k == 0 ? 1 : -1;
                    for (int i = 0; i < p.length; i++) {
                        gk[i] += sign * (norm * (p[i] - t[i]) * g[0]);
                    }
                }
            }
        }
    }

    static Tensor mse(Tensor pred, Tensor target) {
        if (!Arrays.equals(pred.shape, target.shape)) {
            // PyTorch would broadcast [n, 1] against [n] to [n, n] with only a warning: a classic silent bug
            throw new AutogradException("mse: prediction of shape " + Shapes.str(pred.shape) + " and target of shape "
                    + Shapes.str(target.shape) + " must have the same shape");
        }
        double s = 0;
        for (int i = 0; i < pred.data.length; i++) {
            double d = pred.data[i] - target.data[i];
            s += d * d;
        }
        MseLoss node = new MseLoss(pred, target);
        node.save(pred, target);
        return node.output(new double[] {s / pred.data.length}, Shapes.SCALAR);
    }

    /** L = −(1/N) Σᵢ x[i, yᵢ] for log-probabilities x [N, C];  ∂x[i, yᵢ] −= g / N */
    static final class NllLoss extends Node {
        private final int[] labels;
        private final int classes;

        NllLoss(Tensor logProbs, int[] labels) {
            super("NllLossBackward0", logProbs);
            this.labels = labels;
            this.classes = logProbs.shape[1];
        }

        @Override
        void backward(double[] g) {
            double[] gx = gradOf(inputs[0]);
            double scale = g[0] / labels.length;
            for (int i = 0; i < labels.length; i++) {
                gx[i * classes + labels[i]] -= scale;
            }
        }
    }

    static Tensor nllLoss(Tensor logProbs, int[] labels) {
        if (logProbs.dim() != 2 || logProbs.shape[0] != labels.length) {
            throw new AutogradException("crossEntropy: logits of shape " + Shapes.str(logProbs.shape) + " do not fit "
                    + labels.length + " labels (need logits [" + labels.length + ", classes])");
        }
        int classes = logProbs.shape[1];
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new AutogradException("crossEntropy: label " + labels[i] + " at position " + i
                        + " is outside the " + classes + " classes [0, " + (classes - 1) + "]");
            }
            s += logProbs.data[i * classes + labels[i]];
        }
        return new NllLoss(logProbs, labels.clone()).output(new double[] {-s / labels.length}, Shapes.SCALAR);
    }

    static int[] labels(Tensor labels) {
        if (labels.dim() != 1) {
            throw new AutogradException("crossEntropy: labels must have shape [n], got " + Shapes.str(labels.shape));
        }
        int[] out = new int[labels.numel()];
        for (int i = 0; i < out.length; i++) {
            double v = labels.data[i];
            if (v != Math.rint(v)) {
                throw new AutogradException("crossEntropy: label " + v + " at position " + i + " is not an integer");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** y = x ⊙ m with mᵢ = 0 (probability p) or 1/(1 − p);  ∂x += g ⊙ m */
    static final class Dropout extends Node {
        Dropout(Tensor x) {
            super("NativeDropoutBackward0", x);
        }

        @Override
        void backward(double[] g) {
            double[] m = savedData(0);
            double[] gx = gradOf(inputs[0]);
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * m[i];
            }
        }
    }

    static Tensor dropout(Tensor x, double p, boolean training, Random rnd) {
        if (!(p >= 0 && p <= 1)) {
            throw new AutogradException("dropout: probability must be in [0, 1], got " + p);
        }
        if (!training || p == 0) {
            return x;
        }
        // inverted dropout: scale survivors now so evaluation needs no rescaling
        double scale = p == 1 ? 0 : 1 / (1 - p);
        double[] mask = new double[x.numel()];
        double[] y = new double[mask.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rnd.nextDouble() < p ? 0 : scale;
            y[i] = x.data[i] * mask[i];
        }
        Dropout node = new Dropout(x);
        node.save(new Tensor(mask, x.shape));
        return node.output(y, x.shape);
    }
}
