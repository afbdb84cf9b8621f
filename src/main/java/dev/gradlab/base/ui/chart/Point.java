package dev.gradlab.base.ui.chart;

/** One (x, y) point; a NaN y leaves a gap in the line (and an empty table cell). */
public record Point(double x, double y) {}
