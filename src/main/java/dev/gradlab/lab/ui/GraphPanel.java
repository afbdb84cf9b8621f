package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.base.ui.graph.GraphDiagram;
import dev.gradlab.base.ui.graph.GraphEdge;
import dev.gradlab.base.ui.graph.GraphNode;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.engine.GraphView;
import java.util.Arrays;

/** The computation graph of the current batch as the engine recorded it, each leaf with its .grad. */
final class GraphPanel extends Composite<Div> {

    private final GraphDiagram diagram = new GraphDiagram();
    private final Paragraph note = new Paragraph();

    GraphPanel() {
        diagram.setWidthFull();
        note.addClassName("gradlab-muted");
        getContent().add(note, diagram);
        getContent().setId("graph-panel");
    }

    void show(GraphView graph, boolean manual) {
        note.setText(getTranslation("lab.graph.none"));
        note.setVisible(manual);
        diagram.setGraph(
                graph.nodes().stream().map(this::node).toList(),
                graph.edges().stream().map(e -> new GraphEdge(e.from(), e.to())).toList());
    }

    private GraphNode node(GraphView.Node n) {
        String grad = !n.leaf() || !n.requiresGrad() ? null : Numbers.vector(n.grad(), getLocale());
        return new GraphNode(n.id(), n.label(), Arrays.toString(n.shape()), n.leaf(), n.requiresGrad(), grad);
    }
}
