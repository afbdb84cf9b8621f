package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.lab.train.EpochRecord;
import dev.gradlab.scenario.GradientStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Training loss and test accuracy per epoch, one line per strategy, growing as epochs arrive. */
final class TrainingCharts extends Composite<Div> {

    private final LineChart loss;
    private final LineChart accuracy;
    private List<String> names = List.of();
    private final List<List<Double>> losses = new ArrayList<>();
    private final List<List<Double>> accuracies = new ArrayList<>();

    TrainingCharts() {
        loss = chart(getTranslation("training.chart.loss"), "loss");
        accuracy = chart(getTranslation("training.chart.accuracy"), "%");
        getContent().addClassName("gradlab-charts");
        getContent()
                .add(
                        EvaluationPart.box(getTranslation("training.chart.loss"), loss),
                        EvaluationPart.box(getTranslation("training.chart.accuracy"), accuracy));
        loss.setId("training-loss-chart");
        accuracy.setId("training-accuracy-chart");
    }

    /** Empties the charts for a new run over these strategies (labels looked up through {@code c}). */
    void reset(Component c, List<GradientStrategy> strategies) {
        names = strategies.stream().map(s -> StrategyText.label(c, s)).toList();
        losses.clear();
        accuracies.clear();
        for (int i = 0; i < strategies.size(); i++) {
            losses.add(new ArrayList<>());
            accuracies.add(new ArrayList<>());
        }
        redraw();
    }

    /** A strategy's epoch has been evaluated (NaN values, after divergence, leave a gap). */
    void add(int run, EpochRecord epoch) {
        losses.get(run).add(epoch.trainLoss());
        accuracies.get(run).add(epoch.accuracy() * 100);
        redraw();
    }

    /** Several epochs at once (run index, record), drawn once. */
    void addAll(List<Map.Entry<Integer, EpochRecord>> epochs) {
        append(epochs);
        redraw();
    }

    /** Several epochs at once, not drawn yet ({@link #redraw()} later). */
    void append(List<Map.Entry<Integer, EpochRecord>> epochs) {
        for (var e : epochs) {
            losses.get(e.getKey()).add(e.getValue().trainLoss());
            accuracies.get(e.getKey()).add(e.getValue().accuracy() * 100);
        }
    }

    void redraw() {
        loss.setSeries(series(losses));
        accuracy.setSeries(series(accuracies));
    }

    private List<Series> series(List<List<Double>> values) {
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(Series.indexed(
                    names.get(i),
                    1,
                    values.get(i).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private LineChart chart(String title, String yTitle) {
        LineChart chart = new LineChart(title);
        chart.setAxisTitles(getTranslation("training.epoch"), yTitle);
        chart.setChartHeight("240px");
        chart.setWidthFull();
        chart.setAnimated(false); // redrawn every epoch
        return chart;
    }
}
