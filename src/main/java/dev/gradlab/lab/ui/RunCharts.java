package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.base.ui.chart.XMarker;
import dev.gradlab.lab.RunFacts;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The charts of a run, one line per strategy: each parameter's trajectory (of one element of a tensor, chosen in an
 * "Element" select), the loss, and the size of the .grad buffer, then the vector and matrix parameters as heat-maps at
 * the current step ({@link MatrixView}). Marked: the first step where strategies differ, and the current step if any.
 */
public final class RunCharts extends Composite<Div> {

    /** More parameter charts than this crowd the page; the tables still show every parameter. */
    private static final int MAX_PARAM_CHARTS = 3;

    private final List<LineChart> charts = new ArrayList<>();
    private final MatrixView matrices = new MatrixView();
    /** The element each parameter's chart follows, kept while the same scenario is shown with other strategies. */
    private final Map<String, Integer> chosen = new HashMap<>();

    private @Nullable RunResult result;

    public RunCharts() {
        getContent().addClassName("gradlab-charts");
    }

    /** Rebuilds the charts for a new result (new scenario or new strategy selection). */
    public void show(RunResult result, @Nullable Integer current) {
        if (this.result == null
                || !this.result.scenario().id().equals(result.scenario().id())) {
            chosen.clear();
        }
        this.result = result;
        getContent().removeAll();
        charts.clear();
        List<Map.Entry<String, TensorData>> params =
                new ArrayList<>(result.params().entrySet());
        for (Map.Entry<String, TensorData> param : params.subList(0, Math.min(params.size(), MAX_PARAM_CHARTS))) {
            addParameter(result, param.getKey(), param.getValue());
        }
        if (result.runs().stream().anyMatch(r -> r.steps().stream().anyMatch(s -> s.loss() != null))) {
            add(result, getTranslation("charts.loss"), "loss", 1, RunFacts::losses);
        }
        add(result, getTranslation("charts.grad-norm"), "‖.grad‖", 1, RunFacts::gradNorms);
        matrices.show(result, current);
        getContent().add(matrices);
        setCurrent(current);
    }

    /** Moves the "now" marker without rebuilding the charts. */
    public void setCurrent(@Nullable Integer current) {
        if (result == null) {
            return;
        }
        List<XMarker> markers = new ArrayList<>();
        RunFacts.Difference difference = RunFacts.firstDifference(result);
        Integer diverge = difference == null ? null : difference.step();
        boolean together = current != null && current.equals(diverge);
        if (diverge != null) {
            markers.add(new XMarker(
                    diverge,
                    together
                            ? getTranslation("charts.current") + " · " + getTranslation("charts.diverge")
                            : getTranslation("charts.diverge")));
        }
        if (current != null && !together) {
            markers.add(new XMarker(current, getTranslation("charts.current")));
        }
        charts.forEach(c -> c.setXMarkers(markers));
        matrices.setCurrent(current);
    }

    /** A parameter's chart; a tensor's has an "Element" select choosing which of its elements the lines follow. */
    private void addParameter(RunResult result, String p, TensorData initial) {
        List<String> labels = Matrix.elementLabels(p, initial.shape());
        Div box = add(
                result, getTranslation("charts.params", labels.get(0)), labels.get(0), 0, trajectory(p, initial, 0));
        if (labels.size() == 1) {
            return;
        }
        LineChart chart = charts.get(charts.size() - 1);
        H3 heading = (H3) box.getComponentAt(0);
        Select<Integer> element = new Select<>();
        element.setLabel(getTranslation("charts.element"));
        element.setAriaLabel(getTranslation("charts.element.of", p));
        element.setId("element-" + p);
        element.setItems(IntStream.range(0, labels.size()).boxed().toList());
        element.setItemLabelGenerator(labels::get);
        element.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            chosen.put(p, e.getValue());
            String label = labels.get(e.getValue());
            String title = getTranslation("charts.params", label);
            heading.setText(title);
            chart.setTitle(title);
            chart.setAxisTitles(getTranslation("charts.step"), label);
            chart.setSeries(series(result, 0, trajectory(p, initial, e.getValue())));
        });
        element.setValue(Math.min(chosen.getOrDefault(p, 0), labels.size() - 1));
        box.addComponentAtIndex(1, element);
    }

    /** Element {@code index} of {@code p} per step, from where every strategy starts: the initial value, at step 0. */
    private static Function<StrategyRun, double[]> trajectory(String p, TensorData initial, int index) {
        double first = initial.data()[index];
        return run -> prepend(first, RunFacts.paramTrajectory(run, p, index));
    }

    private Div add(RunResult result, String title, String yTitle, int firstStep, Function<StrategyRun, double[]> of) {
        LineChart chart = new LineChart(title);
        chart.setAxisTitles(getTranslation("charts.step"), yTitle);
        chart.setChartHeight("240px");
        chart.setWidthFull();
        chart.setAnimated(false);
        chart.setSeries(series(result, firstStep, of));
        Div box = new Div(new H3(title), chart);
        box.addClassName("gradlab-chart-box");
        getContent().add(box);
        charts.add(chart);
        return box;
    }

    private List<Series> series(RunResult result, int firstStep, Function<StrategyRun, double[]> of) {
        List<Series> series = new ArrayList<>();
        for (StrategyRun run : result.runs()) {
            series.add(Series.indexed(StrategyText.label(this, run.strategy()), firstStep, of.apply(run)));
        }
        return series;
    }

    private static double[] prepend(double first, double[] rest) {
        double[] all = new double[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
