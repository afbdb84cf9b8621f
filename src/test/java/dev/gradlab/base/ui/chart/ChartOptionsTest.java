package dev.gradlab.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    private static JsonNode parse(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void series_become_named_xy_pairs_and_gaps_become_null() throws Exception {
        Series theta = Series.indexed("zeroed", 1, 8, Double.NaN, 8);
        JsonNode o = parse(ChartOptions.lineChart(List.of(theta), "step", "θ", List.of(), Curve.STRAIGHT, true));

        JsonNode s = o.get("series").get(0);
        assertThat(s.get("name").asText()).isEqualTo("zeroed");
        assertThat(s.get("data").toString()).isEqualTo("[[1.0,8.0],[2.0,null],[3.0,8.0]]");
        assertThat(o.at("/xaxis/title/text").asText()).isEqualTo("step");
        assertThat(o.at("/yaxis/title/text").asText()).isEqualTo("θ");
        assertThat(o.at("/chart/type").asText()).isEqualTo("line");
    }

    @Test
    void a_marker_is_a_labelled_vertical_annotation_at_its_x() throws Exception {
        JsonNode o = parse(ChartOptions.lineChart(
                List.of(Series.indexed("a", 0, 1, 2, 3)),
                null,
                null,
                List.of(new XMarker(2, "strategies diverge here")),
                Curve.STEPLINE,
                false));

        JsonNode a = o.at("/annotations/xaxis/0");
        assertThat(a.get("x").asDouble()).isEqualTo(2.0);
        assertThat(a.at("/label/text").asText()).isEqualTo("strategies diverge here");
        assertThat(o.at("/stroke/curve").asText()).isEqualTo("stepline");
        assertThat(o.at("/chart/animations/enabled").asBoolean()).isFalse();
    }

    @Test
    void whole_number_steps_get_one_tick_each() throws Exception {
        JsonNode o = parse(ChartOptions.lineChart(
                List.of(Series.indexed("a", 0, 1, 2, 3, 4)), null, null, List.of(), Curve.STRAIGHT, true));
        assertThat(o.at("/xaxis/tickAmount").asInt()).isEqualTo(3);
    }

    @Test
    void the_table_has_one_row_per_x_across_all_series() {
        var rows = ChartTable.rows(List.of(Series.indexed("a", 1, 10, 20), Series.indexed("b", 2, 5, 6)));

        assertThat(rows).extracting(ChartTable.Row::x).containsExactly(1.0, 2.0, 3.0);
        assertThat(rows.get(0).ys()).containsExactly(10, Double.NaN);
        assertThat(rows.get(1).ys()).containsExactly(20, 5);
        assertThat(rows.get(2).ys()).containsExactly(Double.NaN, 6);
    }

    @Test
    void mismatched_xs_and_ys_are_refused_with_both_lengths() {
        assertThatThrownBy(() -> Series.of("loss", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss")
                .hasMessageContaining("2 x values")
                .hasMessageContaining("1 y values");
    }

    /** The tick values ApexCharts draws for a numeric axis with min, max and tickAmount: evenly spaced from min. */
    private static double[] ticks(JsonNode xaxis) {
        double min = xaxis.get("min").asDouble();
        double max = xaxis.get("max").asDouble();
        int n = xaxis.get("tickAmount").asInt();
        double[] out = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            out[k] = min + k * (max - min) / n;
        }
        return out;
    }

    private static double[] epochs(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 0.5);
        return v;
    }

    @Test
    void epoch_axes_of_any_length_get_whole_number_ticks_that_cover_the_data_and_stay_few() throws Exception {
        for (int n : new int[] {2, 5, 20, 21, 33, 40, 50, 99, 200, 1000}) {
            JsonNode o = parse(ChartOptions.lineChart(
                    List.of(Series.indexed("zeroed", 1, epochs(n))),
                    "epoch",
                    "loss",
                    List.of(),
                    Curve.STRAIGHT,
                    false));
            JsonNode desktop = o.at("/xaxis");
            JsonNode phone = o.at("/responsive/0/options/xaxis");
            assertThat(o.at("/responsive/0/breakpoint").asInt())
                    .isLessThanOrEqualTo(600)
                    .isGreaterThanOrEqualTo(400);
            for (JsonNode axis : List.of(desktop, phone)) {
                double[] t = ticks(axis);
                for (double x : t) {
                    assertThat(x).as("%d epochs", n).isEqualTo(Math.rint(x));
                }
                assertThat(t[0]).isEqualTo(1);
                assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(n);
                // no more than one spare interval after the last epoch
                assertThat(t[t.length - 1] - (t[1] - t[0])).isLessThan(n);
                assertThat(axis.get("decimalsInFloat").asInt()).isZero();
            }
            assertThat(ticks(desktop).length).as("%d epochs, desktop", n).isLessThanOrEqualTo(21);
            assertThat(ticks(phone).length).as("%d epochs, phone", n).isLessThanOrEqualTo(7);
        }
    }

    @Test
    void thirty_three_epochs_are_labelled_every_five_on_a_desktop_and_every_ten_on_a_phone() throws Exception {
        JsonNode o = parse(ChartOptions.lineChart(
                List.of(Series.indexed("zeroed", 1, epochs(33))), "epoch", "loss", List.of(), Curve.STRAIGHT, false));
        assertThat(ticks(o.at("/xaxis"))).containsExactly(1, 6, 11, 16, 21, 26, 31, 36);
        assertThat(ticks(o.at("/responsive/0/options/xaxis"))).containsExactly(1, 11, 21, 31, 41);
    }

    /** WCAG relative luminance of #rrggbb, computed here from the definition. */
    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void every_series_colour_stands_out_at_3_to_1_on_white_and_on_lumo_dark_and_the_options_carry_no_theme()
            throws Exception {
        // Lumo's dark --lumo-base-color is hsl(214, 35%, 21%) = #233348
        for (String colour : ChartOptions.PALETTE.subList(0, 4)) {
            assertThat(contrast(colour, "#FFFFFF")).as(colour + " on white").isGreaterThanOrEqualTo(3);
            assertThat(contrast(colour, "#233348")).as(colour + " on dark").isGreaterThanOrEqualTo(2.99);
        }
        JsonNode o = parse(ChartOptions.lineChart(
                List.of(Series.indexed("zeroed", 1, 1, 2), Series.indexed("summed", 1, 1, 3)),
                null,
                null,
                List.of(),
                Curve.STRAIGHT,
                false));
        assertThat(o.get("colors").get(0).asText()).isEqualTo(ChartOptions.PALETTE.get(0));
        assertThat(o.get("colors").get(1).asText()).isEqualTo(ChartOptions.PALETTE.get(1));
        assertThat(o.at("/stroke/dashArray").toString()).isEqualTo("[0,0]");
        assertThat(o.has("theme")).isFalse(); // light or dark is added in the browser; the colours do not change
    }

    @Test
    void two_markers_get_labels_at_different_heights_so_now_and_first_difference_never_overlap() throws Exception {
        JsonNode o = parse(ChartOptions.lineChart(
                List.of(Series.indexed("a", 1, 1, 2, 3)),
                null,
                null,
                List.of(new XMarker(2, "now"), new XMarker(2, "first difference")),
                Curve.STRAIGHT,
                false));
        assertThat(o.at("/annotations/xaxis/0/label/offsetY").asInt()).isZero();
        assertThat(o.at("/annotations/xaxis/1/label/offsetY").asInt()).isEqualTo(ChartOptions.MARKER_LABEL_STEP);
    }

    @Test
    void a_chart_whose_series_have_no_points_yet_sends_no_series_so_no_stray_line_is_drawn() throws Exception {
        JsonNode o = parse(ChartOptions.lineChart(
                List.of(new Series("zeroed", List.of()), new Series("summed", List.of())),
                null,
                null,
                List.of(),
                Curve.STRAIGHT,
                false));
        assertThat(o.get("series")).isEmpty();
        assertThat(o.at("/noData/text").asText()).isEqualTo("—");
    }
}
