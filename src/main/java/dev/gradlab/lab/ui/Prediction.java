package dev.gradlab.lab.ui;

import dev.gradlab.lab.StepRecord;
import dev.gradlab.scenario.GradientStrategy;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One guess of the Lab's "predict first" mode: which number, at which step, under which strategy, what the student
 * said ({@code null}: skipped) and what the run holds ({@code null}: PyTorch's {@code None}).
 */
record Prediction(
        int step,
        GradientStrategy strategy,
        Target target,
        @Nullable Double guess,
        @Nullable Double truth) {

    /**
     * A guess counts when it is within 0.1 % of the value, or within 0.001 of it for values below 1: 0.3333 for ⅓
     * counts, 0.33 does not; 8.005 for 8 counts, 8.01 does not. The same rule as a live class's number questions.
     */
    static final double TOLERANCE = 1e-3;

    static boolean close(double guess, @Nullable Double truth) {
        return truth != null
                && Double.isFinite(truth)
                && Math.abs(guess - truth) <= TOLERANCE * Math.max(1, Math.abs(truth));
    }

    boolean skipped() {
        return guess == null;
    }

    boolean right() {
        return guess != null && close(guess, truth);
    }

    /** What is asked for: the parameter after the optimizer's step, or its {@code .grad} after backward(). */
    enum Quantity {
        VALUE,
        GRAD
    }

    /**
     * Element {@code index} (row-major) of parameter {@code param}; {@code suffix} is its PyTorch index ({@code ""}
     * for a scalar, {@code [1]}, {@code [0, 2]}).
     */
    record Target(String param, int index, String suffix, Quantity quantity) {

        /** As PyTorch names it: {@code theta}, {@code W1.grad[0, 2]}. */
        String name() {
            return param + (quantity == Quantity.GRAD ? ".grad" : "") + suffix;
        }

        Target with(Quantity q) {
            return new Target(param, index, suffix, q);
        }

        /** The value in a step's record; null where the buffer is None (or the run diverged). */
        @Nullable
        Double in(StepRecord record) {
            Map<String, double @Nullable []> values = quantity == Quantity.VALUE ? record.params() : record.grad();
            double @Nullable [] v = values.get(param);
            return v == null || index >= v.length ? null : v[index];
        }

        /** PyTorch's index of element {@code index} of a tensor of this shape: none for a scalar. */
        static String suffix(int[] shape, int index) {
            if (shape.length == 0) {
                return "";
            }
            StringBuilder at = new StringBuilder();
            int rest = index;
            for (int d = shape.length - 1; d >= 0; d--) {
                int i = rest % shape[d];
                rest /= shape[d];
                at.insert(0, (d == 0 ? "" : ", ") + i);
            }
            return "[" + at + "]";
        }
    }
}
