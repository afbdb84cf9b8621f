package dev.gradlab.base.ui.chart;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.gradlab.base.ui.i18n.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The chart's numbers as a grid: one row per x, one column per series. */
final class ChartTable extends Composite<Grid<ChartTable.Row>> {

    /** One x and the y of each series there (NaN where a series has no point). */
    record Row(double x, double[] ys) {}

    private static final int MAX_ROWS_WITHOUT_SCROLL = 12;

    ChartTable() {
        getContent().addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        getContent().addClassName("gradlab-numbers");
        getContent().setWidthFull();
    }

    void show(List<Series> series, String xTitle) {
        Grid<Row> grid = getContent();
        grid.removeAllColumns();
        grid.addColumn(r -> Numbers.format(r.x(), getLocale()))
                .setHeader(xTitle)
                .setAutoWidth(true);
        for (int i = 0; i < series.size(); i++) {
            int col = i;
            grid.addColumn(r -> Double.isNaN(r.ys()[col]) ? "" : Numbers.format(r.ys()[col], getLocale()))
                    .setHeader(series.get(i).name())
                    .setAutoWidth(true);
        }
        List<Row> rows = rows(series);
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= MAX_ROWS_WITHOUT_SCROLL);
        if (rows.size() > MAX_ROWS_WITHOUT_SCROLL) {
            grid.setHeight("24em");
        }
    }

    /** Drops the columns and rows (the table is closed). */
    void clear() {
        Grid<Row> grid = getContent();
        if (!grid.getColumns().isEmpty()) {
            grid.removeAllColumns();
            grid.setItems(List.of());
        }
    }

    static List<Row> rows(List<Series> series) {
        Map<Double, double[]> byX = new TreeMap<>();
        for (int i = 0; i < series.size(); i++) {
            for (Point p : series.get(i).points()) {
                double[] ys = byX.computeIfAbsent(p.x(), x -> nanArray(series.size()));
                ys[i] = p.y();
            }
        }
        List<Row> rows = new ArrayList<>(byX.size());
        byX.forEach((x, ys) -> rows.add(new Row(x, ys)));
        return rows;
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
