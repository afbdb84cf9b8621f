package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.base.ui.chart.XMarker;
import dev.gradlab.lab.RunFacts;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The charts of a run, one line per strategy: each parameter's trajectory (first element of a tensor), the loss, and
 * the size of the .grad buffer. Marked: the first step where strategies differ, and the current step if any.
 */
final class RunCharts extends Composite<Div> {

    /** More parameter charts than this crowd the page; the tables still show every parameter. */
    private static final int MAX_PARAM_CHARTS = 3;

    private final List<LineChart> charts = new ArrayList<>();
    private @Nullable RunResult result;

    RunCharts() {
        getContent().addClassName("gradlab-charts");
    }

    /** Rebuilds the charts for a new result (new scenario or new strategy selection). */
    void show(RunResult result, @Nullable Integer current) {
        this.result = result;
        getContent().removeAll();
        charts.clear();
        List<Map.Entry<String, TensorData>> params =
                new ArrayList<>(result.params().entrySet());
        for (Map.Entry<String, TensorData> param : params.subList(0, Math.min(params.size(), MAX_PARAM_CHARTS))) {
            String p = param.getKey();
            // a trajectory starts where every strategy starts: the initial value, at step 0
            double initial = param.getValue().data()[0];
            add(
                    result,
                    getTranslation("charts.params", p),
                    p,
                    0,
                    run -> prepend(initial, RunFacts.paramTrajectory(run, p, 0)));
        }
        if (result.runs().stream().anyMatch(r -> r.steps().stream().anyMatch(s -> s.loss() != null))) {
            add(result, getTranslation("charts.loss"), "loss", 1, RunFacts::losses);
        }
        add(result, getTranslation("charts.grad-norm"), "‖.grad‖", 1, RunFacts::gradNorms);
        setCurrent(current);
    }

    /** Moves the "now" marker without rebuilding the charts. */
    void setCurrent(@Nullable Integer current) {
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
    }

    private void add(RunResult result, String title, String yTitle, int firstStep, Function<StrategyRun, double[]> of) {
        LineChart chart = new LineChart(title);
        chart.setAxisTitles(getTranslation("charts.step"), yTitle);
        chart.setChartHeight("240px");
        chart.setWidthFull();
        chart.setAnimated(false);
        List<Series> series = new ArrayList<>();
        for (StrategyRun run : result.runs()) {
            series.add(Series.indexed(StrategyText.label(this, run.strategy()), firstStep, of.apply(run)));
        }
        chart.setSeries(series);
        Div box = new Div(new H3(title), chart);
        box.addClassName("gradlab-chart-box");
        getContent().add(box);
        charts.add(chart);
    }

    private static double[] prepend(double first, double[] rest) {
        double[] all = new double[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
