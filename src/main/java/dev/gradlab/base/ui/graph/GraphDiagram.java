package dev.gradlab.base.ui.graph;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.StringJoiner;

/**
 * A computation graph drawn as a diagram: inputs on the left, the output on the right, each leaf with its
 * {@code .grad}. Wider graphs scroll inside the component's own box, so the page never scrolls sideways.
 *
 * <pre>{@code
 * GraphDiagram diagram = new GraphDiagram();
 * diagram.setGraph(
 *         List.of(new GraphNode(1, "x", "[3]", true, true, "[2, 4, 6]"),
 *                 new GraphNode(2, "PowBackward0", "[3]", false, true, null),
 *                 new GraphNode(3, "SumBackward0", "[]", false, true, null)),
 *         List.of(new GraphEdge(1, 2), new GraphEdge(2, 3)));
 * }</pre>
 */
public final class GraphDiagram extends Composite<Div> implements HasSize {

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    /** SVG ids (title, arrow marker) must be unique on a page that shows several diagrams. */
    private final String idPrefix = "gradlab-graph-" + IDS.incrementAndGet();

    private List<GraphNode> nodes = List.of();
    private List<GraphEdge> edges = List.of();

    private final Div drawing = new Div();
    private final Span legend = new Span();

    public GraphDiagram() {
        drawing.addClassName("gradlab-graph-drawing");
        drawing.getElement().setAttribute("tabindex", "0"); // lets keyboard users scroll a wide graph
        legend.addClassName("gradlab-graph-legend");
        legend.setText(getTranslation("graph.legend"));
        getContent().addClassName("gradlab-graph");
        getContent().add(drawing, legend);
        setGraph(List.of(), List.of());
    }

    /** Replaces the drawing. Throws {@link IllegalArgumentException} when an edge names a missing node. */
    public void setGraph(List<GraphNode> nodes, List<GraphEdge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        String svg = GraphSvg.render(this.nodes, this.edges, getTranslation("graph.title"), describe(), idPrefix);
        // Safe: GraphSvg escapes every caller-supplied text.
        drawing.getElement().setProperty("innerHTML", svg);
    }

    /** Hides the one-line key below the drawing (e.g. when several diagrams sit side by side). */
    public void setLegendVisible(boolean visible) {
        legend.setVisible(visible);
    }

    public List<GraphNode> getNodes() {
        return nodes;
    }

    public List<GraphEdge> getEdges() {
        return edges;
    }

    /** A text version for screen readers: each node with its inputs. */
    private String describe() {
        StringJoiner j = new StringJoiner("; ");
        for (GraphNode n : nodes) {
            StringJoiner inputs = new StringJoiner(", ");
            edges.stream()
                    .filter(e -> e.to() == n.id())
                    .forEach(e -> nodes.stream()
                            .filter(m -> m.id() == e.from())
                            .findFirst()
                            .ifPresent(m -> inputs.add(m.label())));
            String grad = n.grad() == null ? "" : ", grad " + n.grad();
            String from = inputs.length() == 0 ? "" : " ← " + inputs;
            j.add(n.label() + " " + n.shape() + grad + from);
        }
        return j.toString();
    }
}
