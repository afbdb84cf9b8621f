package dev.gradlab.lab.ui;

import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.train.DecisionGrid;
import java.util.Locale;

/**
 * Draws a {@link DecisionGrid} as a small SVG: cells coloured by predicted class (three shades of confidence), with
 * neighbouring cells of the same shade merged into one rectangle to keep the markup small enough to push every epoch,
 * and the test points on top in their true class colour.
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
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.8\"/>",
                    px,
                    py,
                    colour(test.y()[i])));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The data set before any training: training points filled, test points hollow, each in its class colour, over
     * the points' bounding box with a 5% margin. Shown in place of the boundary until a run has drawn one.
     */
    static String points(Dataset train, Dataset test, String label) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Dataset d : new Dataset[] {train, test}) {
            for (double[] p : d.x()) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        double padX = Math.max(1e-9, (xMax - xMin) * 0.05);
        double padY = Math.max(1e-9, (yMax - yMin) * 0.05);
        xMin -= padX;
        xMax += padX;
        yMin -= padY;
        yMax += padY;
        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(SIZE)
                .append(' ')
                .append(SIZE)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\">");
        for (Dataset d : new Dataset[] {train, test}) {
            boolean hollow = d == test;
            for (int i = 0; i < d.size(); i++) {
                double px = (d.x()[i][0] - xMin) / (xMax - xMin) * SIZE;
                double py = SIZE - (d.x()[i][1] - yMin) / (yMax - yMin) * SIZE;
                String c = colour(d.y()[i]);
                svg.append(String.format(
                        Locale.ROOT,
                        hollow
                                ? "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\"/>"
                                : "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"%s\"/>",
                        px,
                        py,
                        c));
            }
        }
        return svg.append("</svg>").toString();
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

    private static String colour(int cls) {
        return COLOURS[Math.floorMod(cls, COLOURS.length)];
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
