package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.train.DatasetPreview;
import dev.gradlab.lab.train.DecisionGrid;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundaryPictureTest {

    private static Dataset points(double[][] x, int[] y) {
        return new Dataset("t", x, y, 2, new int[] {2}, List.of("x", "y"), List.of("0", "1"));
    }

    private static int count(String svg, String tag) {
        Matcher m = Pattern.compile("<" + tag + " ").matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void cells_of_the_same_class_and_confidence_in_a_row_merge_into_one_rectangle() {
        // 2×2 grid over [0, 1]²: bottom row class 0 (sure), class 0 (sure); top row class 0, class 1 (both sure)
        DecisionGrid grid =
                new DecisionGrid(0, 1, 0, 1, 2, new int[] {0, 0, 0, 1}, new double[] {0.01, 0.02, 0.03, 0.99});
        String svg = BoundaryPicture.svg(grid, points(new double[0][], new int[0]), "b");
        // bottom row: one merged rectangle; top row: two
        assertThat(count(svg, "rect")).isEqualTo(3);
        assertThat(svg).contains("aria-label=\"b\"").contains("role=\"img\"");
    }

    @Test
    void test_points_are_placed_with_y_pointing_up_and_points_outside_the_grid_are_left_out() {
        DecisionGrid grid = new DecisionGrid(-1, 1, -1, 1, 1, new int[] {0}, new double[] {0.5});
        // (1, 1) is the top right corner: x = 200, y = 0 in a 200-unit picture; (0, -1) is the bottom middle.
        // Class 0 is a circle centred there; class 1 a 4.6-wide square, so its corner is 2.3 up and left
        String svg =
                BoundaryPicture.svg(grid, points(new double[][] {{1, 1}, {0, -1}, {5, 0}}, new int[] {1, 0, 0}), "b");
        assertThat(count(svg, "circle")).isEqualTo(1);
        assertThat(svg).contains("<rect x=\"197.7\" y=\"-2.3\" width=\"4.6\" height=\"4.6\"");
        assertThat(svg).contains("<circle cx=\"100.0\" cy=\"200.0\"");
    }

    @Test
    void labels_are_escaped_for_the_markup() {
        DecisionGrid grid = new DecisionGrid(0, 1, 0, 1, 1, new int[] {1}, new double[] {0.9});
        assertThat(BoundaryPicture.svg(grid, points(new double[0][], new int[0]), "a \"b\" <c>"))
                .contains("aria-label=\"a &quot;b&quot; &lt;c>\"");
    }

    @Test
    void a_tint_lays_the_colour_over_white() {
        // 0x00 at 50% over 0xff: 255 - 0.5 * 255 = 127.5 -> 128 = 0x80; 0xff stays 0xff
        assertThat(BoundaryPicture.tint("#00ff00", 0.5)).isEqualTo("#80ff80");
        assertThat(BoundaryPicture.tint("#1f77b4", 1)).isEqualTo("#1f77b4");
        assertThat(BoundaryPicture.tint("#1f77b4", 0)).isEqualTo("#ffffff");
    }

    @Test
    void the_data_set_before_training_puts_every_point_where_its_coordinates_say_filled_for_training_hollow_for_test() {
        // box [0, 1] x [0, 1] padded by 5%: [-0.05, 1.05]; x = 0 -> 0.05 / 1.1 * 200 = 9.1, x = 1 -> 190.9,
        // x = 0.5 -> 100.0; y is flipped (the top of an SVG is y = 0). Class 0: circles; class 1: squares 4.6
        // wide, whose corner is 2.3 above and left of the point
        Dataset train = points(new double[][] {{0, 0}, {1, 1}}, new int[] {0, 1});
        Dataset test = points(new double[][] {{0.5, 0.5}}, new int[] {1});
        String svg = BoundaryPicture.points(
                new DatasetPreview.Points(train, test, 0, 1, 0, 1), "2 training & 1 test <points>");
        assertThat(svg).contains("aria-label=\"2 training &amp; 1 test &lt;points>\"");
        assertThat(svg).contains("<circle cx=\"9.1\" cy=\"190.9\" r=\"2.6\" fill=\"#");
        assertThat(svg).contains("<rect x=\"188.6\" y=\"6.8\" width=\"4.6\" height=\"4.6\" fill=\"#");
        assertThat(svg).contains("<rect x=\"97.7\" y=\"97.7\" width=\"4.6\" height=\"4.6\" fill=\"none\" stroke=\"#");
        assertThat(count(svg, "circle") + count(svg, "rect")).isEqualTo(3);
        // the two classes get different colours
        Matcher fills = Pattern.compile("fill=\"(#[0-9a-f]{6})\"").matcher(svg);
        assertThat(fills.results().map(m -> m.group(1)).distinct().count()).isEqualTo(2);
    }

    @Test
    void classes_differ_in_shape_as_well_as_colour_so_colour_is_not_the_only_cue() {
        List<String> shapes =
                List.of(0, 1, 2, 3).stream().map(BoundaryPicture::shapeKey).toList();
        assertThat(shapes).doesNotHaveDuplicates();
        assertThat(BoundaryPicture.legendMarker(0, false)).contains("<circle").contains("aria-hidden=\"true\"");
        assertThat(BoundaryPicture.legendMarker(1, false)).contains("<rect").doesNotContain("<circle");
        assertThat(BoundaryPicture.colour(0)).isNotEqualTo(BoundaryPicture.colour(1));
    }
}
