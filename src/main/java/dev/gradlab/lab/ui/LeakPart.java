package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.base.ui.chart.LineChart;
import dev.gradlab.base.ui.chart.Series;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.engine.GraphStats;
import dev.gradlab.lab.nograd.LeakPoint;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Lesson part 2: the running test loss added up three ways — the tensor outside no-grad (the leak), {@code .item()},
 * and the tensor inside no-grad — with the code of each, and what the running total keeps alive after every batch.
 */
final class LeakPart extends Composite<Div> {

    private static final String LOOP = "for x, y in test_loader:";

    LeakPart(NoGradLessonFacts facts) {
        List<LeakPoint> points = facts.leak();
        String leak = getTranslation("nograd.leak.variant.leak");
        String item = getTranslation("nograd.leak.variant.item");
        String inside = getTranslation("nograd.leak.variant.nograd");

        Div variants = new Div(
                variant(
                        "✗ " + leak,
                        "leak-code-leak",
                        List.of("total = 0", LOOP, "    loss = criterion(model(x), y)", "    total += loss"),
                        3,
                        CodeBlock.Mark.BAD),
                variant(
                        "✓ " + item,
                        "leak-code-item",
                        List.of("total = 0", LOOP, "    loss = criterion(model(x), y)", "    total += loss.item()"),
                        3,
                        CodeBlock.Mark.GOOD),
                variant(
                        "✓ " + inside,
                        "leak-code-nograd",
                        List.of(
                                "total = 0",
                                "with torch.no_grad():",
                                "    " + LOOP,
                                "        loss = criterion(model(x), y)",
                                "        total += loss"),
                        1,
                        CodeBlock.Mark.GOOD));
        variants.addClassName("gradlab-code-variants");

        SimpleTable table = new SimpleTable(
                "leak-table",
                getTranslation("nograd.leak.table"),
                List.of(
                        getTranslation("nograd.col.batch"),
                        "+= loss",
                        "KB",
                        ".item()",
                        "no_grad",
                        getTranslation("nograd.col.total")));
        for (LeakPoint p : points) {
            String id = "leak-" + p.batch() + "-";
            table.addRow(
                    List.of(
                            String.valueOf(p.batch()),
                            String.valueOf(p.tensorTotal().nodes()),
                            kb(p.tensorTotal()),
                            String.valueOf(p.itemTotal().nodes()),
                            String.valueOf(p.noGradTotal().nodes()),
                            Numbers.format(p.total(), getLocale())),
                    Arrays.asList(
                            null, id + "leak-nodes", id + "leak-kb", id + "item-nodes", id + "nograd-nodes", null),
                    null);
        }

        Div charts = new Div(
                EvaluationPart.box(
                        getTranslation("nograd.leak.chart.nodes"),
                        chart(
                                getTranslation("nograd.leak.chart.nodes"),
                                getTranslation("nograd.col.nodes"),
                                points,
                                g -> g.nodes(),
                                leak,
                                item,
                                inside)),
                EvaluationPart.box(
                        getTranslation("nograd.leak.chart.kb"),
                        chart(
                                getTranslation("nograd.leak.chart.kb"),
                                "KB",
                                points,
                                g -> g.bytes() / 1024.0,
                                leak,
                                item,
                                inside)));
        charts.addClassName("gradlab-charts");

        LeakPoint last = points.get(points.size() - 1);
        Paragraph summary = new Paragraph(getTranslation(
                "nograd.leak.summary",
                last.batch(),
                last.tensorTotal().nodes(),
                kb(last.tensorTotal()),
                Numbers.format(last.tensorTotal().savedValues(), getLocale())));
        summary.setId("leak-summary");
        summary.addClassName("gradlab-callout");
        getContent()
                .add(
                        new H2(getTranslation("nograd.leak.heading")),
                        new Paragraph(getTranslation("nograd.leak.text")),
                        variants,
                        charts,
                        summary,
                        table);
    }

    private Div variant(String title, String id, List<String> lines, int marked, CodeBlock.Mark mark) {
        Div box = new Div(new H3(title), new CodeBlock(id, title, lines, Map.of(marked, mark)));
        box.addClassName("gradlab-code-variant");
        return box;
    }

    private String kb(GraphStats g) {
        return Numbers.format(g.bytes() / 1024.0, getLocale(), 1);
    }

    private LineChart chart(
            String title,
            String yTitle,
            List<LeakPoint> points,
            ToDoubleFunction<GraphStats> of,
            String leak,
            String item,
            String inside) {
        LineChart chart = new LineChart(title);
        chart.setAxisTitles(getTranslation("nograd.col.batch"), yTitle);
        chart.setChartHeight("220px");
        chart.setWidthFull();
        chart.setTableVisible(false); // the table below holds the same numbers
        chart.setSeries(
                series(leak, points, LeakPoint::tensorTotal, of),
                series(item, points, LeakPoint::itemTotal, of),
                series(inside, points, LeakPoint::noGradTotal, of));
        return chart;
    }

    private static Series series(
            String name,
            List<LeakPoint> points,
            Function<LeakPoint, GraphStats> which,
            ToDoubleFunction<GraphStats> of) {
        return Series.indexed(
                name,
                1,
                points.stream()
                        .mapToDouble(p -> of.applyAsDouble(which.apply(p)))
                        .toArray());
    }
}
