package dev.gradlab.base.ui.chart;

/** A vertical line at {@code x} with a short label, e.g. "strategies diverge here". */
public record XMarker(double x, String label) {}
