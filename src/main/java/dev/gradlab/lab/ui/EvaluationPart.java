package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.base.ui.PushOnDemand;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.nograd.BatchComparison;
import dev.gradlab.lab.nograd.EvaluationTiming;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import dev.gradlab.lab.nograd.PassFacts;
import dev.gradlab.lab.nograd.TimingVerdict;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Lesson part 1: the same test batches evaluated with autograd recording and inside no-grad, batch by batch — graph
 * nodes, saved values, time and {@code requires_grad} in a table, saved values and time in charts. "Measure again"
 * re-runs both loops, so a student sees the times move while the graph sizes stay put. The measuring runs off the
 * page's thread; the part says "measuring…" until the result is pushed.
 */
final class EvaluationPart extends Composite<Div> {

    private final NoGradLessonFacts facts;
    private final SimpleTable table;
    private final Paragraph summary = new Paragraph();
    private final Paragraph timing = new Paragraph();
    private final LineChart savedChart;
    private final LineChart timeChart;
    private final Button again = new Button();

    EvaluationPart(NoGradLessonFacts facts) {
        PushOnDemand.need(this);
        this.facts = facts;
        table = new SimpleTable(
                "eval-table",
                getTranslation("nograd.eval.table"),
                List.of(
                        getTranslation("nograd.col.batch"),
                        getTranslation("nograd.col.mode"),
                        getTranslation("nograd.col.nodes"),
                        getTranslation("nograd.col.saved"),
                        getTranslation("nograd.col.ms"),
                        "requires_grad",
                        getTranslation("nograd.col.loss")));
        savedChart = chart(getTranslation("nograd.eval.chart.saved"), getTranslation("nograd.col.saved"));
        timeChart = chart(getTranslation("nograd.eval.chart.time"), getTranslation("nograd.col.ms"));
        again.setText(getTranslation("nograd.eval.again"));
        again.addClickListener(e -> measure());
        again.setId("eval-again");
        summary.setId("eval-summary");
        summary.addClassName("gradlab-callout");
        summary.setVisible(false); // until the first measurement is in
        timing.setId("eval-timing");
        timing.getElement().setAttribute("aria-live", "polite");
        Div charts = new Div(
                box(getTranslation("nograd.eval.chart.saved"), savedChart),
                box(getTranslation("nograd.eval.chart.time"), timeChart));
        charts.addClassName("gradlab-charts");
        getContent()
                .add(
                        new H2(getTranslation("nograd.eval.heading")),
                        new Paragraph(getTranslation("nograd.eval.text", facts.batches(), facts.batchSize())),
                        summary,
                        again,
                        timing,
                        table,
                        charts);
        measure();
    }

    /**
     * Starts a measurement on the lesson's timing executor and returns at once (about 190 timed passes: never on the
     * request thread, which holds the session's lock); the result is pushed with {@code ui.access}, so its texts are
     * looked up there, in the page's locale.
     */
    private void measure() {
        UI ui = UI.getCurrent();
        again.setEnabled(false);
        timing.setText(getTranslation("nograd.eval.measuring"));
        facts.measureAsync().whenComplete((measured, failure) -> {
            try {
                ui.access(() -> {
                    again.setEnabled(true);
                    if (measured != null) {
                        show(measured);
                    } else {
                        timing.setText(getTranslation("nograd.eval.failed"));
                    }
                });
            } catch (UIDetachedException closed) {
                // the tab went away while measuring: nobody to tell
            }
        });
    }

    private void show(EvaluationTiming measured) {
        List<BatchComparison> rows = measured.batches();
        table.clear();
        for (BatchComparison r : rows) {
            addRow(r.batch(), false, r.withGrad());
            addRow(r.batch(), true, r.noGrad());
        }
        savedChart.setSeries(series(rows, p -> p.graph().savedValues()));
        timeChart.setSeries(series(rows, p -> p.nanos() / 1e6));
        PassFacts first = rows.get(0).withGrad();
        summary.setVisible(true);
        summary.setText(getTranslation(
                "nograd.eval.summary",
                first.graph().nodes(),
                Numbers.format(first.graph().savedValues(), getLocale()),
                Numbers.format(first.graph().bytes() / 1024.0, getLocale(), 1)));
        TimingVerdict v = measured.verdict();
        String key = switch (v.outcome()) {
            case NO_GRAD_FASTER -> "nograd.eval.timing.faster";
            case NO_GRAD_SLOWER -> "nograd.eval.timing.slower";
            case TOO_CLOSE -> "nograd.eval.timing.close";
        };
        timing.setText(getTranslation(
                key,
                rows.size(),
                measured.repetitions(),
                ms(v.withGrad().median()),
                ms(v.withGrad().min()),
                ms(v.withGrad().max()),
                ms(v.noGrad().median()),
                ms(v.noGrad().min()),
                ms(v.noGrad().max()),
                Numbers.format(Math.abs(v.savedFraction()) * 100, getLocale(), 0)));
    }

    private void addRow(int batch, boolean noGrad, PassFacts p) {
        String mode = noGrad ? "nograd" : "grad";
        String prefix = "eval-" + batch + "-" + mode + "-";
        table.addRow(
                List.of(
                        String.valueOf(batch),
                        noGrad ? "no_grad" : getTranslation("nograd.mode.grad"),
                        String.valueOf(p.graph().nodes()),
                        Numbers.format(p.graph().savedValues(), getLocale()),
                        ms(p.nanos()),
                        p.requiresGrad() ? "True" : "False",
                        Numbers.format(p.loss(), getLocale())),
                Arrays.asList(null, null, prefix + "nodes", prefix + "saved", null, prefix + "requires-grad", null),
                noGrad ? "gradlab-row-nograd" : "gradlab-row-grad");
    }

    private String ms(long nanos) {
        return Numbers.format(nanos / 1e6, getLocale(), 2);
    }

    private List<Series> series(List<BatchComparison> rows, ToDoubleFunction<PassFacts> of) {
        double[] with =
                rows.stream().mapToDouble(r -> of.applyAsDouble(r.withGrad())).toArray();
        double[] without =
                rows.stream().mapToDouble(r -> of.applyAsDouble(r.noGrad())).toArray();
        return List.of(
                Series.indexed(getTranslation("nograd.mode.grad"), 1, with), Series.indexed("no_grad", 1, without));
    }

    private LineChart chart(String title, String yTitle) {
        LineChart chart = new LineChart(title);
        chart.setAxisTitles(getTranslation("nograd.col.batch"), yTitle);
        chart.setChartHeight("220px");
        chart.setWidthFull();
        chart.setTableVisible(false); // the table above holds the same numbers
        return chart;
    }

    static Div box(String title, com.vaadin.flow.component.Component chart) {
        Div box = new Div(new H3(title), chart);
        box.addClassName("gradlab-chart-box");
        return box;
    }
}
