package dev.gradlab.base.ui.graph;

import org.jspecify.annotations.Nullable;

/**
 * A box in the diagram.
 *
 * @param label        tensor name or op name, e.g. {@code x} or {@code MulBackward0}
 * @param shape        shape text, e.g. {@code [3]}; empty for none
 * @param leaf         leaf tensors (inputs, parameters) are drawn highlighted
 * @param requiresGrad nodes that do not require grad are drawn dashed
 * @param grad         the leaf's {@code .grad} as text (e.g. {@code [2, 4, 6]} or {@code None}); null hides the line
 */
public record GraphNode(
        int id,
        String label,
        String shape,
        boolean leaf,
        boolean requiresGrad,
        @Nullable String grad) {}
