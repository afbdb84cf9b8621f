package dev.gradlab.base.ui.dev;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.base.ui.chart.XMarker;
import dev.gradlab.base.ui.formula.Formula;
import dev.gradlab.base.ui.graph.GraphDiagram;
import dev.gradlab.base.ui.graph.GraphEdge;
import dev.gradlab.base.ui.graph.GraphNode;
import dev.gradlab.base.ui.steptable.StepRow;
import dev.gradlab.base.ui.steptable.StepTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shared component with the lesson's hand-worked example (θ = 10, η = 1, batch gradients 2, 1, −1): under
 * {@code zeroed} θ goes 8, 7, 8; under {@code summed} the buffer holds 2, 3, 2 and θ goes 8, 5, 3. Not a {@code @Route}:
 * {@link DevRoutes} registers it in development mode only.
 */
@AnonymousAllowed
public class ComponentsView extends VerticalLayout implements HasDynamicTitle {

    private static final double[] ZEROED = {10, 8, 7, 8};
    private static final double[] SUMMED = {10, 8, 5, 3};
    private static final double[] BUFFER = {2, 3, 2};
    private static final double[] BATCH_GRADS = {2, 1, -1};

    private final LineChart chart = new LineChart(getTranslation("dev.components.chart"));
    private final StepTable table = new StepTable();
    private final Formula formula = Formula.display(formulaFor(2));
    private int shownSteps = 2;

    public ComponentsView() {
        setMaxWidth("60rem");
        add(new H1(getTranslation("dev.components.title")), new Paragraph(getTranslation("dev.components.intro")));

        chart.setId("demo-chart");
        chart.setAxisTitles(getTranslation("dev.components.chart.x"), getTranslation("dev.components.chart.y"));
        chart.setXMarkers(List.of(new XMarker(2, getTranslation("dev.components.chart.diverge"))));
        Button next = new Button(getTranslation("dev.components.update"), e -> showSteps(shownSteps % 3 + 1));
        next.setId("demo-next");
        add(new H2(getTranslation("dev.components.chart")), chart, next);

        formula.setId("demo-formula");
        add(new H2(getTranslation("dev.components.formula")), formula);

        table.setId("demo-steptable");
        add(new H2(getTranslation("dev.components.steptable")), table, wideTable());

        GraphDiagram graph = new GraphDiagram();
        graph.setId("demo-graph");
        graph.setGraph(sampleNodes(), sampleEdges());
        add(new H2(getTranslation("dev.components.graph")), graph);

        showSteps(shownSteps);
    }

    private void showSteps(int steps) {
        shownSteps = steps;
        chart.setSeries(
                Series.indexed("zeroed", 0, java.util.Arrays.copyOf(ZEROED, steps + 1)),
                Series.indexed("summed", 0, java.util.Arrays.copyOf(SUMMED, steps + 1)));
        List<StepRow> rows = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            rows.add(new StepRow(
                    s,
                    1,
                    s,
                    0.5 * BATCH_GRADS[s - 1] * BATCH_GRADS[s - 1],
                    Map.of("θ", new double[] {BUFFER[s - 1]}),
                    Map.of("θ", new double[] {BUFFER[s - 1]}),
                    true,
                    Map.of("θ", new double[] {SUMMED[s]})));
        }
        table.setRows(rows);
        table.setCurrentStep(steps);
        formula.setTex(formulaFor(steps));
    }

    private static String formulaFor(int step) {
        return String.format(
                java.util.Locale.ROOT,
                "\\theta^{(%d)} = %s - \\eta \\cdot g_{\\text{buffer}} = %s - 1 \\times %s = %s",
                step,
                "\\theta^{(" + (step - 1) + ")}",
                fmt(SUMMED[step - 1]),
                fmt(BUFFER[step - 1]),
                fmt(SUMMED[step]));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Two parameters with long vectors: checks wrapping, abbreviation and a None grad. */
    private StepTable wideTable() {
        StepTable wide = new StepTable();
        wide.setId("demo-steptable-wide");
        List<StepRow> rows = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            Map<String, double[]> grad = new LinkedHashMap<>();
            grad.put("fc1.weight", new double[] {0.1234 * s, -0.5, 1.25, 0, 3.5, -2.75, 0.001, 12.5});
            grad.put("fc1.bias", s == 1 ? null : new double[] {-0.0625 * s, 0.5});
            Map<String, double[]> params = new LinkedHashMap<>();
            params.put("fc1.weight", new double[] {1 - 0.01 * s, 0.25, -1.5, 0.75, 2, -0.125, 0.3333, -4});
            params.put("fc1.bias", new double[] {0.1, -0.2 * s});
            boolean stepped = s % 2 == 0;
            rows.add(new StepRow(
                    s, (s + 1) / 2, (s - 1) % 2 + 1, 1.0 / s, grad, stepped ? grad : null, stepped, params));
        }
        wide.setRows(rows);
        wide.setCurrentStep(2);
        return wide;
    }

    private static List<GraphNode> sampleNodes() {
        return List.of(
                new GraphNode(1, "x", "[4, 2]", true, false, null),
                new GraphNode(2, "fc.weight", "[3, 2]", true, true, "[0.5, -1.25, …] (6)"),
                new GraphNode(3, "TBackward0", "[2, 3]", false, true, null),
                new GraphNode(4, "MmBackward0", "[4, 3]", false, true, null),
                new GraphNode(5, "fc.bias", "[3]", true, true, "[0.25, 0, -1]"),
                new GraphNode(6, "AddBackward0", "[4, 3]", false, true, null),
                new GraphNode(7, "ReluBackward0", "[4, 3]", false, true, null),
                new GraphNode(8, "target", "[4, 3]", true, false, null),
                new GraphNode(9, "MseLossBackward0", "[]", false, true, null));
    }

    private static List<GraphEdge> sampleEdges() {
        return List.of(
                new GraphEdge(2, 3),
                new GraphEdge(1, 4),
                new GraphEdge(3, 4),
                new GraphEdge(4, 6),
                new GraphEdge(5, 6),
                new GraphEdge(6, 7),
                new GraphEdge(7, 9),
                new GraphEdge(8, 9));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dev.components.title");
    }
}
