package dev.gradlab.engine.nn;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.engine.F;
import dev.gradlab.engine.Tensor;
import java.util.Random;

/**
 * In training mode zeroes each value with probability p and scales the survivors by 1/(1 − p) (inverted dropout),
 * so the expected output equals the input; in eval mode it passes the input through untouched.
 */
public final class Dropout extends Module {

    private final double p;
    private final Random rnd;

    public Dropout(double p, Random rnd) {
        if (!(p >= 0 && p <= 1)) {
            throw new AutogradException("Dropout: probability must be in [0, 1], got " + p);
        }
        this.p = p;
        this.rnd = rnd;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.dropout(x, p, isTraining(), rnd);
    }

    public double p() {
        return p;
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
