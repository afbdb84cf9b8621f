package dev.gradlab.lab;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One batch of one strategy's run. Arrays are flattened row-major, maps keep the scenario's parameter order.
 *
 * @param step    1-based over the whole run
 * @param epoch   1-based
 * @param batch   1-based within the epoch
 * @param loss    the batch's loss before any division by K; null for manual scenarios and once diverged
 * @param grad    each {@code .grad} right after this batch's backward; null where the buffer is None (or diverged)
 * @param applied the gradient handed to the optimizer, per parameter (null for a skipped parameter); the whole map is
 *                null when the strategy did not step (or diverged)
 * @param stepped whether the optimizer stepped after this batch
 * @param params  the parameters after this batch (after the step, if any); null values once diverged
 */
public record StepRecord(
        int step,
        int epoch,
        int batch,
        @Nullable Double loss,
        Map<String, double @Nullable []> grad,
        @Nullable Map<String, double @Nullable []> applied,
        boolean stepped,
        Map<String, double @Nullable []> params) {}
