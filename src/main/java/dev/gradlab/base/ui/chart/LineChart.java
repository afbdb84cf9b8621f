package dev.gradlab.base.ui.chart;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line chart of named series with an accessible table of the same numbers below it (a collapsed "Show as table").
 * Every setter updates the live chart in place.
 *
 * <pre>{@code
 * LineChart chart = new LineChart(getTranslation("lesson.chart.theta"));
 * chart.setAxisTitles("step", "θ");
 * chart.setSeries(List.of(Series.indexed("zeroed", 1, 8, 6, 4), Series.indexed("summed", 1, 8, 5, 3)));
 * chart.setXMarkers(List.of(new XMarker(2, getTranslation("lesson.chart.diverge"))));
 * }</pre>
 */
public final class LineChart extends Composite<Div> implements HasSize {

    private final ApexChartElement chart = new ApexChartElement();
    /** Built when the table is first opened: a closed one costs the session nothing but its summary. */
    private @Nullable ChartTable table;

    private final Details tableDetails;

    private List<Series> series = List.of();
    private List<XMarker> markers = List.of();
    private @Nullable String xTitle;
    private @Nullable String yTitle;
    private Curve curve = Curve.STRAIGHT;
    private boolean animate = true;

    /** @param title read by screen readers as the chart's name (not drawn; put a visible heading next to it) */
    public LineChart(String title) {
        chart.setHeight("300px");
        chart.setWidthFull();
        chart.getElement().setAttribute("role", "img");
        tableDetails = new Details(getTranslation("chart.table.show"));
        tableDetails.addClassName("gradlab-chart-table");
        // the table is built and filled when opened: a closed one keeps no grid, rows or keys on the server
        tableDetails.addOpenedChangeListener(e -> refreshTable());
        setTitle(title);
        getContent().addClassName("gradlab-line-chart");
        getContent().add(chart, tableDetails);
        refresh();
    }

    public void setTitle(String title) {
        chart.getElement().setAttribute("aria-label", title);
    }

    /** Replaces all lines (and the table rows). */
    public void setSeries(List<Series> series) {
        this.series = List.copyOf(series);
        refresh();
    }

    public void setSeries(Series... series) {
        setSeries(List.of(series));
    }

    public List<Series> getSeries() {
        return series;
    }

    public void setAxisTitles(@Nullable String xTitle, @Nullable String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        refresh();
    }

    /** Vertical marker lines with labels, e.g. where the strategies diverge. */
    public void setXMarkers(List<XMarker> markers) {
        this.markers = List.copyOf(markers);
        refresh();
    }

    public void addXMarker(XMarker marker) {
        List<XMarker> all = new ArrayList<>(markers);
        all.add(marker);
        setXMarkers(all);
    }

    public void setCurve(Curve curve) {
        this.curve = curve;
        refresh();
    }

    /** Animations are on by default; turn them off for charts that follow a play button step by step. */
    public void setAnimated(boolean animate) {
        this.animate = animate;
        refresh();
    }

    /** Height of the drawing (the table below is extra); 300px by default. */
    public void setChartHeight(String height) {
        chart.setHeight(height);
    }

    /** Whether the table equivalent is offered (keep it on unless the same numbers are in a table nearby). */
    public void setTableVisible(boolean visible) {
        tableDetails.setVisible(visible);
    }

    /** Opens or closes the table equivalent. */
    public void setTableOpened(boolean opened) {
        tableDetails.setOpened(opened);
    }

    String optionsJson() {
        return chart.getOptionsJson();
    }

    private void refresh() {
        chart.setOptionsJson(ChartOptions.lineChart(series, xTitle, yTitle, markers, curve, animate));
        refreshTable();
    }

    private void refreshTable() {
        ChartTable t = table;
        if (tableDetails.isOpened()) {
            if (t == null) {
                t = new ChartTable();
                table = t;
                tableDetails.add(t);
            }
            t.show(series, xTitle != null ? xTitle : "x");
        } else if (t != null) {
            t.clear();
        }
    }
}
