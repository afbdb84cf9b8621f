package dev.gradlab.base.ui.steptable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link StepTable}; mirrors {@code lab.StepRecord} field for field, so a record converts with
 * {@code new StepRow(r.step(), r.epoch(), r.batch(), r.loss(), r.grad(), r.applied(), r.stepped(), r.params())}.
 * Maps go from parameter name to its values (flattened, row-major) and keep their iteration order.
 *
 * @param loss    null when this step computed no loss
 * @param grad    each parameter's {@code .grad} buffer after backward; a null array is PyTorch's {@code None}
 * @param applied the gradient the optimizer used per parameter, null when the optimizer did not step
 * @param params  each parameter's values after this step
 */
public record StepRow(
        int step,
        int epoch,
        int batch,
        @Nullable Double loss,
        Map<String, double @Nullable []> grad,
        @Nullable Map<String, double[]> applied,
        boolean stepped,
        Map<String, double @Nullable []> params) {

    public StepRow {
        grad = Collections.unmodifiableMap(new LinkedHashMap<>(grad));
        applied = applied == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(applied));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
