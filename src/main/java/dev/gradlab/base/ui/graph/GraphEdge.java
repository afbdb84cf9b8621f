package dev.gradlab.base.ui.graph;

/** An arrow in the direction data flows in the forward pass: from an input to the node that uses it. */
public record GraphEdge(int from, int to) {}
