package dev.gradlab.base.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    private static GraphNode node(int id, String label) {
        return new GraphNode(id, label, "[]", false, true, null);
    }

    @Test
    void a_node_sits_one_layer_right_of_its_deepest_input() {
        // a → b → c, and a → c directly: c must still come after b.
        var slots = GraphLayout.compute(
                List.of(node(1, "a"), node(2, "b"), node(3, "c")),
                List.of(new GraphEdge(1, 2), new GraphEdge(2, 3), new GraphEdge(1, 3)));

        assertThat(slots.get(1).layer()).isEqualTo(0);
        assertThat(slots.get(2).layer()).isEqualTo(1);
        assertThat(slots.get(3).layer()).isEqualTo(2);
    }

    @Test
    void nodes_of_one_layer_get_distinct_rows() {
        var slots = GraphLayout.compute(
                List.of(node(1, "x"), node(2, "w"), node(3, "mul")), List.of(new GraphEdge(1, 3), new GraphEdge(2, 3)));

        assertThat(slots.get(1).layer()).isEqualTo(0);
        assertThat(slots.get(2).layer()).isEqualTo(0);
        assertThat(List.of(slots.get(1).row(), slots.get(2).row())).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void a_cycle_does_not_hang_the_layout() {
        var slots = GraphLayout.compute(
                List.of(node(1, "a"), node(2, "b")), List.of(new GraphEdge(1, 2), new GraphEdge(2, 1)));
        assertThat(slots).hasSize(2);
    }

    @Test
    void an_edge_to_a_missing_node_is_refused_naming_the_edge() {
        assertThatThrownBy(() -> GraphLayout.compute(List.of(node(1, "a")), List.of(new GraphEdge(1, 7))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 → 7");
    }

    @Test
    void labels_are_escaped_in_the_svg() {
        String svg = GraphSvg.render(
                List.of(new GraphNode(1, "<script>&", "[1]", true, true, "[1]")), List.of(), "title", "desc", "g1");
        assertThat(svg).contains("&lt;script&gt;&amp;").doesNotContain("<script>");
        assertThat(svg).contains("grad [1]").contains("class='node leaf requires-grad'");
    }
}
