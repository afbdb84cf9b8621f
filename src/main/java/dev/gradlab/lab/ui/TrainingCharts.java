package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.lab.train.EpochRecord;
import dev.gradlab.scenario.GradientStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training loss and test accuracy per epoch, one line per strategy, growing as epochs arrive. Until a run has produced
 * its first epoch a placeholder sentence stands in for the charts, so the page never shows an empty chart frame; the
 * charts are attached (and drawn) only once they have a point.
 */
final class TrainingCharts extends Composite<Div> {

    private final LineChart loss;
    private final LineChart accuracy;
    private List<String> names = List.of();
    private final List<List<Double>> losses = new ArrayList<>();
    private final List<List<Double>> accuracies = new ArrayList<>();
    private final Div lossBox;
    private final Div accuracyBox;
    private final Paragraph placeholder = new Paragraph();

    TrainingCharts() {
        loss = chart(getTranslation("training.chart.loss"), "loss");
        accuracy = chart(getTranslation("training.chart.accuracy"), "%");
        lossBox = EvaluationPart.box(getTranslation("training.chart.loss"), loss);
        accuracyBox = EvaluationPart.box(getTranslation("training.chart.accuracy"), accuracy);
        loss.setId("training-loss-chart");
        accuracy.setId("training-accuracy-chart");
        placeholder.setId("training-charts-placeholder");
        placeholder.addClassName("gradlab-callout");
        placeholder.setText(getTranslation("training.chart.placeholder"));
        getContent().setId("training-charts");
        getContent().add(placeholder);
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
        placeholder.setText(getTranslation("training.chart.waiting"));
        redraw();
    }

    /**
     * A run ended without an epoch (cancelled, failed): the placeholder asks for a start again; {@code text} is
     * {@code training.chart.placeholder} in the page's language.
     */
    void idle(String text) {
        if (losses.stream().allMatch(List::isEmpty)) {
            placeholder.setText(text);
        }
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
        boolean any = losses.stream().anyMatch(l -> !l.isEmpty());
        if (!any) {
            getContent().removeAll();
            getContent().removeClassName("gradlab-charts");
            getContent().add(placeholder);
            return;
        }
        loss.setSeries(series(losses));
        accuracy.setSeries(series(accuracies));
        if (placeholder.getParent().isPresent()) { // the first epoch: the charts take the placeholder's place
            getContent().removeAll();
            getContent().addClassName("gradlab-charts");
            getContent().add(lossBox, accuracyBox);
        }
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
