package dev.gradlab.lab.nograd;

import dev.gradlab.engine.GraphStats;

/**
 * After batch {@code batch} of an evaluation loop that adds up the loss three ways: what the running total keeps
 * alive.
 *
 * @param tensorTotal {@code total = total + loss} outside no-grad: every batch's graph stays reachable from total
 * @param itemTotal   {@code total += loss.item()}: a plain number, no graph at all
 * @param noGradTotal {@code total = total + loss} inside no-grad: nothing recorded
 * @param total       the running total (the same all three ways)
 */
public record LeakPoint(
        int batch, GraphStats tensorTotal, GraphStats itemTotal, GraphStats noGradTotal, double total) {}
