package dev.gradlab.lab.ui;

import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.train.DatasetPreview;
import dev.gradlab.lab.train.DecisionGrid;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link DecisionGrid} as a small SVG: cells coloured by predicted class (three shades of confidence), with
 * neighbouring cells of the same shade merged into one rectangle to keep the markup small enough to push every epoch,
 * and the test points on top in their true class colour and shape (circle for class 0, square for class 1, …).
 */
final class BoundaryPicture {

    /** Colour-blind-safe pair first (blue, orange), then more for many-class sets. */
    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
    };

    private static final double[] OPACITY = {0.18, 0.35, 0.55};
    private static final int SIZE = 200;

    private BoundaryPicture() {}

    static String svg(DecisionGrid grid, Dataset test, String label) {
        boolean binary = test.classes() == 2;
        int n = grid.resolution();
        double cell = (double) SIZE / n;
        StringBuilder svg = new StringBuilder(8_192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(SIZE)
                .append(' ')
                .append(SIZE)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\">");
        svg.append("<g shape-rendering=\"crispEdges\">"); // no hairlines between cells; the dots stay smooth
        for (int row = 0; row < n; row++) {
            double y = (n - 1 - row) * cell; // row 0 is the bottom of the data, the top of an SVG is y = 0
            int start = 0;
            for (int col = 1; col <= n; col++) {
                if (col == n || shade(grid, row, col, binary) != shade(grid, row, start, binary)) {
                    int i = row * n + start;
                    // opaque tints (not fill-opacity): overlapping edges then leave no darker seams
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>",
                            start * cell,
                            y,
                            (col - start) * cell + 0.5,
                            cell + 0.5,
                            tint(colour(grid.predicted()[i]), OPACITY[confidence(grid, i, binary)])));
                    start = col;
                }
            }
        }
        svg.append("</g>");
        double w = grid.xMax() - grid.xMin();
        double h = grid.yMax() - grid.yMin();
        for (int i = 0; i < test.size(); i++) {
            double px = (test.x()[i][0] - grid.xMin()) / w * SIZE;
            double py = SIZE - (test.x()[i][1] - grid.yMin()) / h * SIZE;
            if (px < 0 || px > SIZE || py < 0 || py > SIZE) {
                continue;
            }
            marker(svg, test.y()[i], px, py, false, "#fff", 0.8);
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The data set before any training: training points filled, test points hollow, each in its class colour and
     * shape ({@link #marker}), over the points' bounding box with a 5% margin.
     */
    static String points(DatasetPreview.Points data, String label) {
        double padX = Math.max(1e-9, (data.xMax() - data.xMin()) * 0.05);
        double padY = Math.max(1e-9, (data.yMax() - data.yMin()) * 0.05);
        double xMin = data.xMin() - padX;
        double xMax = data.xMax() + padX;
        double yMin = data.yMin() - padY;
        double yMax = data.yMax() + padY;
        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(SIZE)
                .append(' ')
                .append(SIZE)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\">");
        for (Dataset d : new Dataset[] {data.train(), data.test()}) {
            boolean hollow = d == data.test();
            for (int i = 0; i < d.size(); i++) {
                double px = (d.x()[i][0] - xMin) / (xMax - xMin) * SIZE;
                double py = SIZE - (d.x()[i][1] - yMin) / (yMax - yMin) * SIZE;
                marker(svg, d.y()[i], px, py, hollow, null, 1.2);
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One class's marker as a small stand-alone picture for a legend (hidden from screen readers: text says it). */
    static String legendMarker(int cls, boolean hollow) {
        StringBuilder svg = new StringBuilder(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\" width=\"16\" height=\"16\""
                        + " aria-hidden=\"true\" focusable=\"false\">");
        marker(svg, cls, 4, 4, hollow, null, 1);
        return svg.append("</svg>").toString();
    }

    /** The shape of a class's marker, so colour is not the only cue: circle, square, triangle, diamond, repeating. */
    static String shapeKey(int cls) {
        return SHAPES[Math.floorMod(cls, SHAPES.length)];
    }

    private static final String[] SHAPES = {"circle", "square", "triangle", "diamond"};

    /**
     * A point of class {@code cls} at (px, py), about as large as a circle of radius 2.6: filled in the class colour
     * (with an optional {@code stroke} around it), or hollow (outlined in the class colour).
     */
    private static void marker(
            StringBuilder svg, int cls, double px, double py, boolean hollow, @Nullable String stroke, double width) {
        String c = colour(cls);
        String paint = hollow
                ? String.format(Locale.ROOT, " fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>", c, width)
                : stroke == null
                        ? String.format(Locale.ROOT, " fill=\"%s\"/>", c)
                        : String.format(
                                Locale.ROOT, " fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>", c, stroke, width);
        switch (shapeKey(cls)) {
            case "square" ->
                svg.append(String.format(
                        Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"4.6\" height=\"4.6\"", px - 2.3, py - 2.3));
            case "triangle" ->
                svg.append(String.format(
                        Locale.ROOT,
                        "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"",
                        px,
                        py - 3.2,
                        px + 2.9,
                        py + 2.0,
                        px - 2.9,
                        py + 2.0));
            case "diamond" ->
                svg.append(String.format(
                        Locale.ROOT,
                        "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"",
                        px,
                        py - 3.2,
                        px + 3.2,
                        py,
                        px,
                        py + 3.2,
                        px - 3.2,
                        py));
            default -> svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\"", px, py));
        }
        svg.append(paint);
    }

    /** Class and confidence level of a cell, as one comparable number. */
    private static int shade(DecisionGrid grid, int row, int col, boolean binary) {
        int i = row * grid.resolution() + col;
        return grid.predicted()[i] * OPACITY.length + confidence(grid, i, binary);
    }

    private static int confidence(DecisionGrid grid, int i, boolean binary) {
        double p = grid.probability()[i];
        // with two classes the probability is class 1's; otherwise it is already the predicted class's
        double sure = binary && grid.predicted()[i] == 0 ? 1 - p : p;
        return sure < 0.7 ? 0 : sure < 0.9 ? 1 : 2;
    }

    /** {@code hex} laid over white at {@code alpha}. */
    static String tint(String hex, double alpha) {
        StringBuilder out = new StringBuilder("#");
        for (int k = 1; k < 7; k += 2) {
            int c = Integer.parseInt(hex.substring(k, k + 2), 16);
            out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(255 - alpha * (255 - c))));
        }
        return out.toString();
    }

    static String colour(int cls) {
        return COLOURS[Math.floorMod(cls, COLOURS.length)];
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
