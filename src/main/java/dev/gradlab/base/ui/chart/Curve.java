package dev.gradlab.base.ui.chart;

/** How points are joined: straight segments, steps (a value held until the next x) or a smooth curve. */
public enum Curve {
    STRAIGHT("straight"),
    STEPLINE("stepline"),
    SMOOTH("smooth");

    final String apexName;

    Curve(String apexName) {
        this.apexName = apexName;
    }
}
