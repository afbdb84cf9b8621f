/**
 * A computation-graph diagram: tensors and operations as boxes, data flow as arrows, laid out in layers left to right
 * and drawn as SVG on the server (no client library). Callers convert the engine's graph into
 * {@link dev.gradlab.base.ui.graph.GraphNode}s and {@link dev.gradlab.base.ui.graph.GraphEdge}s.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui.graph;
