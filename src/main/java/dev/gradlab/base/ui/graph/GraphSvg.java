package dev.gradlab.base.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Draws a laid-out graph as an SVG string; colours come from CSS classes so Lumo dark/light applies. */
final class GraphSvg {

    private static final double CHAR_WIDTH = 7.4; // 12px monospace
    private static final double LINE = 16;
    private static final double PAD = 8;
    private static final double LAYER_GAP = 44;
    private static final double ROW_GAP = 18;
    private static final double MARGIN = 12;

    private record Box(GraphNode node, double x, double y, double w, double h, List<String> lines) {}

    private GraphSvg() {}

    static String render(
            List<GraphNode> nodes, List<GraphEdge> edges, String title, String description, String idPrefix) {
        Map<Integer, GraphLayout.Slot> slots = GraphLayout.compute(nodes, edges);
        int layers =
                slots.values().stream().mapToInt(GraphLayout.Slot::layer).max().orElse(-1) + 1;

        // Measure: each layer is as wide as its widest box; rows stack with a gap, layers centred vertically.
        Map<Integer, List<String>> lines = new HashMap<>();
        double[] layerWidth = new double[layers];
        double[] layerHeight = new double[layers];
        for (GraphNode n : nodes) {
            List<String> l = new ArrayList<>();
            l.add(n.label());
            if (!n.shape().isEmpty()) {
                l.add(n.shape());
            }
            if (n.grad() != null) {
                l.add("grad " + n.grad());
            }
            lines.put(n.id(), l);
            int layer = GraphLayout.required(slots, n.id()).layer();
            double w = Math.max(64, l.stream().mapToInt(String::length).max().orElse(0) * CHAR_WIDTH + 2 * PAD);
            layerWidth[layer] = Math.max(layerWidth[layer], w);
        }
        Map<Integer, List<GraphNode>> byLayer = new HashMap<>();
        nodes.stream()
                .sorted(java.util.Comparator.comparingInt(
                        n -> GraphLayout.required(slots, n.id()).row()))
                .forEach(n -> byLayer.computeIfAbsent(
                                GraphLayout.required(slots, n.id()).layer(), k -> new ArrayList<>())
                        .add(n));
        for (int layer = 0; layer < layers; layer++) {
            for (GraphNode n : byLayer.getOrDefault(layer, List.of())) {
                layerHeight[layer] += height(GraphLayout.required(lines, n.id())) + ROW_GAP;
            }
        }
        double totalHeight = 0;
        for (double h : layerHeight) {
            totalHeight = Math.max(totalHeight, h - ROW_GAP);
        }

        Map<Integer, Box> boxes = new HashMap<>();
        double x = MARGIN;
        for (int layer = 0; layer < layers; layer++) {
            double y = MARGIN + (totalHeight - (layerHeight[layer] - ROW_GAP)) / 2;
            for (GraphNode n : byLayer.getOrDefault(layer, List.of())) {
                List<String> l = GraphLayout.required(lines, n.id());
                double h = height(l);
                boxes.put(n.id(), new Box(n, x, y, layerWidth[layer], h, l));
                y += h + ROW_GAP;
            }
            x += layerWidth[layer] + LAYER_GAP;
        }
        double width = Math.max(x - LAYER_GAP + MARGIN, 2 * MARGIN);
        double height = totalHeight + 2 * MARGIN;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                java.util.Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f' role='img' aria-labelledby='%s-t %s-d'>",
                width,
                height,
                width,
                height,
                idPrefix,
                idPrefix));
        svg.append("<title id='" + idPrefix + "-t'>").append(escape(title)).append("</title>");
        svg.append("<desc id='" + idPrefix + "-d'>").append(escape(description)).append("</desc>");
        svg.append(
                        "<defs><marker id='" + idPrefix
                                + "-arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto-start-reverse'>")
                .append("<path class='arrow' d='M0,0 L10,5 L0,10 z'/></marker></defs>");
        for (GraphEdge e : edges) {
            Box a = GraphLayout.required(boxes, e.from());
            Box b = GraphLayout.required(boxes, e.to());
            double x1 = a.x() + a.w();
            double y1 = a.y() + a.h() / 2;
            double x2 = b.x();
            double y2 = b.y() + b.h() / 2;
            double mid = (x1 + x2) / 2;
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<path class='edge' d='M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f' marker-end='url(#%s-arrow)'/>",
                    x1,
                    y1,
                    mid,
                    y1,
                    mid,
                    y2,
                    x2,
                    y2,
                    idPrefix));
        }
        for (GraphNode n : nodes) {
            Box box = GraphLayout.required(boxes, n.id());
            String cls = "node" + (n.leaf() ? " leaf" : " op") + (n.requiresGrad() ? " requires-grad" : "");
            svg.append("<g class='").append(cls).append("'>");
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' rx='%d'/>",
                    box.x(),
                    box.y(),
                    box.w(),
                    box.h(),
                    n.leaf() ? 4 : 14));
            double ty = box.y() + PAD + 12;
            for (int i = 0; i < box.lines().size(); i++) {
                String textClass = i == 0 ? "label" : box.lines().get(i).startsWith("grad ") ? "grad" : "shape";
                svg.append(String.format(
                                java.util.Locale.ROOT,
                                "<text class='%s' x='%.1f' y='%.1f' text-anchor='middle'>",
                                textClass,
                                box.x() + box.w() / 2,
                                ty))
                        .append(escape(box.lines().get(i)))
                        .append("</text>");
                ty += LINE;
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static double height(List<String> lines) {
        return lines.size() * LINE + 2 * PAD - 4;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&#39;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
