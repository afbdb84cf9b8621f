package dev.gradlab.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Divergence: a step whose loss, gradients or parameters are NaN or infinite, and the all-null record shown for it. */
public final class Finite {

    private Finite() {}

    static boolean all(StepRecord r) {
        return (r.loss() == null || Double.isFinite(r.loss()))
                && all(r.grad())
                && (r.applied() == null || all(r.applied()))
                && all(r.params());
    }

    /** True if every number in every (non-null) vector is finite. */
    public static boolean all(Map<String, double @Nullable []> values) {
        for (double[] v : values.values()) {
            if (v != null) {
                for (double x : v) {
                    if (!Double.isFinite(x)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** From the diverged step on, no value is shown (all null); whether the strategy stepped is still told. */
    static StepRecord nulled(StepRecord r) {
        Map<String, double @Nullable []> none = new LinkedHashMap<>();
        r.params().keySet().forEach(name -> none.put(name, null));
        return new StepRecord(r.step(), r.epoch(), r.batch(), null, none, r.stepped() ? none : null, r.stepped(), none);
    }
}
