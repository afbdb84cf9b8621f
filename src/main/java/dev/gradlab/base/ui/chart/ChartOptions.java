package dev.gradlab.base.ui.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns the chart's Java state into an ApexCharts options object (JSON). Formatters and theme are added client-side. */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** At most this many whole-number intervals get one tick each on a wide screen. */
    static final int DESKTOP_TICKS = 20;
    /** Below this page width (px) … */
    static final int PHONE_BREAKPOINT = 600;
    /** … at most this many ticks. */
    static final int PHONE_TICKS = 6;

    /**
     * One colour-blind-safe palette for the series (Okabe and Ito's blue, orange, green and reddish purple, blue and
     * orange darkened), the same in light and dark themes so a strategy keeps its colour when the theme changes; each
     * has at least 3:1 contrast on white and on Lumo's dark background. The third and fourth series are also dashed,
     * so no reader has to tell them apart by colour alone.
     */
    static final List<String> PALETTE = List.of("#3A86C8", "#C76E00", "#009E73", "#CC79A7", "#A35FC0", "#00916A");

    /** Dash lengths per series (0: solid), in palette order. */
    static final List<Integer> DASHES = List.of(0, 0, 6, 2, 8, 4);

    /** Markers (now, first difference) in a neutral grey that no series uses; white text on it passes AA. */
    static final String MARKER = "#666666";

    /** Each further marker's label sits this much lower, so "now" and "first difference" never overlap. */
    static final int MARKER_LABEL_STEP = 22;

    private ChartOptions() {}

    /** The smallest of 1, 2, 5, 10, 20, 50, … that cuts {@code range} into at most {@code maxTicks} intervals. */
    static long niceStep(long range, int maxTicks) {
        for (long scale = 1; ; scale *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                long step = m * scale;
                if ((range + step - 1) / step <= maxTicks) {
                    return step;
                }
            }
        }
    }

    /** Ticks at min, min + step, …: the axis ends at the first multiple of {@code step} at or after the data. */
    private static void integerTicks(ObjectNode xaxis, double min, long range, long step) {
        long intervals = (range + step - 1) / step;
        xaxis.put("min", min);
        xaxis.put("max", min + intervals * step);
        xaxis.put("tickAmount", intervals);
        xaxis.put("decimalsInFloat", 0);
    }

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

        ObjectNode stroke = o.putObject("stroke").put("curve", curve.apexName).put("width", 2);
        ArrayNode dashes = stroke.putArray("dashArray");
        for (int i = 0; i < series.size(); i++) {
            dashes.add(DASHES.get(i % DASHES.size()));
        }
        o.putObject("markers")
                .put(
                        "size",
                        series.stream().mapToInt(s -> s.points().size()).max().orElse(0) <= 30 ? 4 : 0);
        o.putObject("legend").put("position", "top").put("horizontalAlign", "left");
        o.putObject("dataLabels").put("enabled", false);
        o.putObject("noData").put("text", "—");
        ArrayNode colors = o.putArray("colors");
        PALETTE.forEach(colors::add);

        ArrayNode data = o.putArray("series");
        // series without a single point would be drawn as a stray line along the axis: an empty chart says "—"
        boolean empty = series.stream().allMatch(s -> s.points().isEmpty());
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        boolean integerX = true;
        for (Series s : empty ? List.<Series>of() : series) {
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
        // Steps and epochs are whole numbers: ticks only on whole numbers (ApexCharts' own ticks are fractional,
        // "1 3.45 5.9 …"), one per step when few, else every 2, 5, 10, … steps; fewer on a phone.
        if (integerX && maxX > minX) {
            long range = Math.round(maxX - minX);
            integerTicks(xaxis, minX, range, range <= DESKTOP_TICKS ? 1 : niceStep(range, DESKTOP_TICKS / 2));
            ObjectNode phone = o.putArray("responsive").addObject();
            phone.put("breakpoint", PHONE_BREAKPOINT);
            integerTicks(phone.putObject("options").putObject("xaxis"), minX, range, niceStep(range, PHONE_TICKS));
        }
        ObjectNode yaxis = o.putObject("yaxis");
        if (yTitle != null) {
            yaxis.putObject("title").put("text", yTitle);
        }

        ArrayNode xAnnotations = o.putObject("annotations").putArray("xaxis");
        for (int i = 0; i < markers.size(); i++) {
            XMarker m = markers.get(i);
            ObjectNode a = xAnnotations.addObject();
            a.put("x", m.x());
            a.put("borderColor", MARKER);
            a.put("strokeDashArray", 4);
            ObjectNode label = a.putObject("label");
            label.put("text", m.label());
            label.put("orientation", "horizontal");
            // Labels grow away from the nearer edge, so one at the last step is not cut off.
            boolean rightHalf = m.x() > (minX + maxX) / 2;
            label.put("textAnchor", rightHalf ? "end" : "start");
            label.put("offsetX", rightHalf ? -4 : 4);
            label.put("offsetY", i * MARKER_LABEL_STEP);
            label.put("borderColor", MARKER);
            label.putObject("style").put("color", "#fff").put("background", MARKER);
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise chart options", e);
        }
    }
}
