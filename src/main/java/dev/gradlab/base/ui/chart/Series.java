package dev.gradlab.base.ui.chart;

import java.util.ArrayList;
import java.util.List;

/** A named line: its points in x order as given. */
public record Series(String name, List<Point> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** Pairs {@code xs[i]} with {@code ys[i]}. */
    public static Series of(String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(
                    "Series '" + name + "': " + xs.length + " x values but " + ys.length + " y values");
        }
        List<Point> points = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            points.add(new Point(xs[i], ys[i]));
        }
        return new Series(name, points);
    }

    /** y values at x = firstX, firstX + 1, … (e.g. one value per step, starting at step 1). */
    public static Series indexed(String name, int firstX, double... ys) {
        List<Point> points = new ArrayList<>(ys.length);
        for (int i = 0; i < ys.length; i++) {
            points.add(new Point(firstX + i, ys[i]));
        }
        return new Series(name, points);
    }
}
