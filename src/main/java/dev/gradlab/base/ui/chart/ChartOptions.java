package dev.gradlab.base.ui.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns the chart's Java state into an ApexCharts options object (JSON). Formatters and theme are added client-side. */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartOptions() {}

    static String lineChart(
            List<Series> series,
            @Nullable String xTitle,
            @Nullable String yTitle,
            List<XMarker> markers,
            Curve curve,
            boolean animate) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode chart = o.putObject("chart");
        chart.put("type", "line");
        chart.put("height", "100%");
        chart.putObject("toolbar").put("show", false);
        chart.putObject("zoom").put("enabled", false);
        chart.putObject("animations").put("enabled", animate);
        chart.put("fontFamily", "inherit");

        o.putObject("stroke").put("curve", curve.apexName).put("width", 2);
        o.putObject("markers").put("size", series.stream().mapToInt(s -> s.points().size()).max().orElse(0) <= 30 ? 4 : 0);
        o.putObject("legend").put("position", "top").put("horizontalAlign", "left");
        o.putObject("dataLabels").put("enabled", false);
        o.putObject("noData").put("text", "—");

        ArrayNode data = o.putArray("series");
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        boolean integerX = true;
        for (Series s : series) {
            ObjectNode sn = data.addObject();
            sn.put("name", s.name());
            ArrayNode pts = sn.putArray("data");
            for (Point p : s.points()) {
                ArrayNode pair = pts.addArray();
                pair.add(p.x());
                if (Double.isFinite(p.y())) {
                    pair.add(p.y());
                } else {
                    pair.addNull();
                }
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                integerX &= p.x() == Math.rint(p.x());
            }
        }

        ObjectNode xaxis = o.putObject("xaxis");
        xaxis.put("type", "numeric");
        if (xTitle != null) {
            xaxis.putObject("title").put("text", xTitle);
        }
        // Steps are whole numbers: put a tick on each one (when few) instead of ApexCharts' fractional ticks.
        if (integerX && maxX > minX && maxX - minX <= 20) {
            xaxis.put("tickAmount", (int) (maxX - minX));
        }
        ObjectNode yaxis = o.putObject("yaxis");
        if (yTitle != null) {
            yaxis.putObject("title").put("text", yTitle);
        }

        ArrayNode xAnnotations = o.putObject("annotations").putArray("xaxis");
        for (XMarker m : markers) {
            ObjectNode a = xAnnotations.addObject();
            a.put("x", m.x());
            a.put("borderColor", "#e8590c");
            a.put("strokeDashArray", 4);
            ObjectNode label = a.putObject("label");
            label.put("text", m.label());
            label.put("orientation", "horizontal");
            // Labels grow away from the nearer edge, so one at the last step is not cut off.
            boolean rightHalf = m.x() > (minX + maxX) / 2;
            label.put("textAnchor", rightHalf ? "end" : "start");
            label.put("offsetX", rightHalf ? -4 : 4);
            label.put("borderColor", "#e8590c");
            label.putObject("style").put("color", "#fff").put("background", "#e8590c");
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise chart options", e);
        }
    }
}
