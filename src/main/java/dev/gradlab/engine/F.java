package dev.gradlab.engine;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Functional losses and layers, like {@code torch.nn.functional}. Reductions are means, as PyTorch's default. */
public final class F {

    private F() {}

    /** Mean squared error: (1/n) Σ (pred − target)²; both must have the same shape. */
    public static Tensor mse(Tensor pred, Tensor target) {
        return LossOps.mse(pred, target);
    }

    /** Mean cross-entropy of logits [n, classes] against integer-valued labels [n]: logSoftmax, then NLL. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        return crossEntropy(logits, LossOps.labels(labels));
    }

    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        if (logits.dim() != 2) {
            throw new AutogradException(
                    "crossEntropy: logits must have shape [n, classes], got " + Shapes.str(logits.shape));
        }
        return LossOps.nllLoss(logits.logSoftmax(1), labels);
    }

    /** Mean negative log-likelihood of log-probabilities [n, classes] (PyTorch's nll_loss). */
    public static Tensor nllLoss(Tensor logProbs, int[] labels) {
        return LossOps.nllLoss(logProbs, labels);
    }

    /** Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1 − p). */
    public static Tensor dropout(Tensor x, double p, boolean training, Random rnd) {
        return LossOps.dropout(x, p, training, rnd);
    }

    /** x·Wᵀ + b for x [batch, in] (or [in]), W [out, in], b [out] or null: nn.Linear's forward, as one node. */
    public static Tensor linear(Tensor x, Tensor weight, @Nullable Tensor bias) {
        return Linear.apply(x, weight, bias);
    }
}
