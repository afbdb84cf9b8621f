/**
 * Line charts drawn by ApexCharts (npm {@code apexcharts} 4.7.0, the last MIT release), each with a table of the same
 * numbers for screen readers and for reading exact values. This is the only package that knows ApexCharts: the rest
 * of the app speaks {@link dev.gradlab.base.ui.chart.Series}, {@link dev.gradlab.base.ui.chart.Point} and
 * {@link dev.gradlab.base.ui.chart.XMarker}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui.chart;
