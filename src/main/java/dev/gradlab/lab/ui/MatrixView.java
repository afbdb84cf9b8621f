package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every vector and matrix parameter, and its {@code .grad}, at the current step as small heat-maps, one per shown
 * strategy, with the whole matrix as a plain table on demand ("Show full matrix"). A heat-map is an HTML table: each
 * cell carries its value as a tooltip and as text for screen readers, so the picture is its own table equivalent.
 * One colour scale per parameter (and one per .grad) across the strategies, so the maps can be compared side by side.
 */
final class MatrixView extends Composite<Div> {

    /** Wider than this, the cells would be specks or overflow a phone: the full table is offered instead. */
    static final int MAX_HEAT_MAP_COLUMNS = 32;

    private static final int MAX_HEAT_MAP_VALUES = 1024;
    private static final int FULL_DECIMALS = 6;

    private final H3 heading = new H3();
    private final List<Block> blocks = new ArrayList<>();

    MatrixView() {
        getContent().addClassName("gradlab-matrices");
        getContent().setId("matrices");
        // a grid item of the charts' grid that spans all its columns
        getContent().getStyle().set("grid-column", "1 / -1").set("min-width", "0");
    }

    /** Rebuilds for a new result; shows nothing when no parameter has more than one element. */
    void show(RunResult result, @Nullable Integer step) {
        getContent().removeAll();
        blocks.clear();
        for (Map.Entry<String, TensorData> p : result.params().entrySet()) {
            if (p.getValue().numel() > 1) {
                blocks.add(new Block(result, p.getKey(), p.getValue().shape()));
            }
        }
        getContent().setVisible(!blocks.isEmpty());
        if (blocks.isEmpty()) {
            return;
        }
        Paragraph legend = new Paragraph(getTranslation("charts.matrices.legend"));
        legend.addClassName("gradlab-muted");
        legend.getStyle().set("max-width", "48rem");
        getContent().add(heading, legend, scaleBar());
        blocks.forEach(b -> getContent().add(b.box));
        setCurrent(step);
    }

    /** Redraws the maps (and any opened full matrix) for {@code step}, 1-based. */
    void setCurrent(@Nullable Integer step) {
        if (blocks.isEmpty() || step == null) {
            return;
        }
        heading.setText(getTranslation("charts.matrices", step));
        blocks.forEach(b -> b.update(step));
    }

    /** One parameter: its heading, a card per strategy with the value and .grad maps, and the full matrix. */
    private final class Block {
        final Div box = new Div();
        final Div cards = new Div();
        final Span scale = new Span();
        final Details full;
        final Div fullTables = new Div();
        final RunResult result;
        final String name;
        final int[] shape;
        int step = 1;

        Block(RunResult result, String name, int[] shape) {
            this.result = result;
            this.name = name;
            this.shape = shape;
            box.addClassName("gradlab-matrix-param");
            box.getStyle().set("margin-block-end", "var(--lumo-space-m)");
            H4 title = new H4(name + " " + TensorData.shapeText(shape));
            title.getStyle().set("margin", "var(--lumo-space-s) 0");
            cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
            scale.addClassName("gradlab-muted");
            scale.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
            // side by side where there is room, one under the other on a phone
            fullTables
                    .getStyle()
                    .set("display", "flex")
                    .set("flex-wrap", "wrap")
                    .set("column-gap", "var(--lumo-space-l)")
                    .set("max-width", "100%");
            full = new Details(getTranslation("charts.matrix.full", name), fullTables);
            full.setId("full-" + name);
            full.addOpenedChangeListener(e -> fillFull());
            box.add(title, cards, scale, full);
        }

        void update(int step) {
            this.step = step;
            List<Matrix> values = new ArrayList<>();
            List<Matrix> grads = new ArrayList<>();
            for (StrategyRun run : result.runs()) {
                StepRecord record = run.steps().get(step - 1);
                values.add(Matrix.of(record, name, shape, false));
                grads.add(Matrix.of(record, name, shape, true));
            }
            double maxValue = values.stream().mapToDouble(Matrix::maxAbs).max().orElse(0);
            double maxGrad = grads.stream().mapToDouble(Matrix::maxAbs).max().orElse(0);
            cards.removeAll();
            int[] grid = Matrix.grid(shape);
            boolean drawn = grid[1] <= MAX_HEAT_MAP_COLUMNS && grid[0] * grid[1] <= MAX_HEAT_MAP_VALUES;
            for (int i = 0; i < result.runs().size(); i++) {
                String strategy =
                        StrategyText.label(MatrixView.this, result.runs().get(i).strategy());
                Div card = new Div();
                card.addClassName("gradlab-matrix-card");
                card.getStyle()
                        .set("border", "1px solid var(--lumo-contrast-20pct)")
                        .set("border-radius", "var(--lumo-border-radius-m)")
                        .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                        .set("min-width", "0");
                Span label = new Span(strategy);
                label.getStyle().set("display", "block").set("font-weight", "600");
                card.add(label);
                if (drawn) {
                    Div maps = new Div();
                    maps.getStyle()
                            .set("display", "flex")
                            .set("flex-wrap", "wrap")
                            .set("gap", "var(--lumo-space-m)");
                    maps.getElement().appendChild(heatMap(values.get(i), maxValue, strategy));
                    maps.getElement().appendChild(heatMap(grads.get(i), maxGrad, strategy));
                    card.add(maps);
                } else {
                    card.add(new Span(getTranslation("charts.matrix.large")));
                }
                cards.add(card);
            }
            scale.setText(getTranslation(
                    "charts.matrix.scale",
                    name,
                    Numbers.compact(maxValue, getLocale()),
                    name + ".grad",
                    Numbers.compact(maxGrad, getLocale())));
            fillFull();
        }

        /** The full tables are built only while opened: a closed one keeps nothing on the server. */
        void fillFull() {
            fullTables.removeAll();
            if (!full.isOpened()) {
                return;
            }
            for (StrategyRun run : result.runs()) {
                String strategy = StrategyText.label(MatrixView.this, run.strategy());
                StepRecord record = run.steps().get(step - 1);
                for (boolean grad : new boolean[] {false, true}) {
                    Matrix m = Matrix.of(record, name, shape, grad);
                    String caption = getTranslation("charts.matrix.table", strategy, m.name(), step);
                    Div region = new Div();
                    region.addClassName("gradlab-matrix-full");
                    // it may scroll sideways on a phone: focusable so a keyboard can scroll it too
                    region.getElement().setAttribute("tabindex", "0");
                    region.getElement().setAttribute("role", "region");
                    region.getElement().setAttribute("aria-label", caption);
                    region.getStyle()
                            .set("overflow-x", "auto")
                            .set("max-width", "100%")
                            .set("margin-block-end", "var(--lumo-space-s)");
                    Span label = new Span(caption);
                    label.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
                    region.add(label);
                    region.getElement().appendChild(fullTable(m, caption));
                    fullTables.add(region);
                }
            }
        }
    }

    /** A heat-map: a table of coloured cells, row and column indices as headers, each value as tooltip and text. */
    private Element heatMap(Matrix m, double max, String strategy) {
        Element table = new Element("table");
        table.setAttribute("class", "gradlab-heatmap");
        table.setAttribute("aria-label", m.name() + " · " + strategy);
        table.getStyle()
                .set("border-collapse", "separate")
                .set("border-spacing", "1px")
                .set("font-size", "10px")
                .set("line-height", "1");
        Element caption = new Element("caption");
        caption.setText(m.name());
        caption.getStyle()
                .set("text-align", "start")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-family", "var(--lumo-font-family-monospace, monospace)");
        table.appendChild(caption);
        if (m.values() == null) {
            Element row = new Element("tr");
            Element cell = new Element("td");
            cell.setText(getTranslation(m.name().endsWith(".grad") ? "charts.matrix.none" : "charts.matrix.diverged"));
            cell.getStyle().set("font-size", "var(--lumo-font-size-s)");
            table.appendChild(row.appendChild(cell));
            return table;
        }
        int size = Math.max(8, Math.min(24, 144 / m.cols()));
        Element head = new Element("tr");
        head.appendChild(new Element("td"));
        for (int c = 0; c < m.cols(); c++) {
            head.appendChild(indexHeader(c, "col"));
        }
        table.appendChild(head);
        List<String> labels = m.labels();
        for (int r = 0; r < m.rows(); r++) {
            Element row = new Element("tr");
            row.appendChild(indexHeader(r, "row"));
            for (int c = 0; c < m.cols(); c++) {
                double v = m.at(r, c);
                String text = labels.get(r * m.cols() + c) + " = " + Numbers.format(v, getLocale(), FULL_DECIMALS);
                Element cell = new Element("td");
                cell.setAttribute("title", text);
                cell.setAttribute("data-value", Double.toString(v));
                cell.getStyle()
                        .set("width", size + "px")
                        .set("height", size + "px")
                        .set("min-width", size + "px")
                        .set("padding", "0")
                        .set("position", "relative")
                        .set("background", Matrix.colour(v, max))
                        .set("box-shadow", "inset 0 0 0 1px rgba(0, 0, 0, 0.12)");
                Element hidden = new Element("span");
                hidden.setText(Numbers.format(v, getLocale(), FULL_DECIMALS));
                visuallyHidden(hidden);
                cell.appendChild(hidden);
                row.appendChild(cell);
            }
            table.appendChild(row);
        }
        return table;
    }

    /** The plain table of "Show full matrix": every value, indices as headers. */
    private Element fullTable(Matrix m, String caption) {
        Element table = new Element("table");
        table.setAttribute("class", "gradlab-matrix-table");
        // named by the label above it: a caption would wrap to the width of a narrow table
        table.setAttribute("aria-label", caption);
        table.getStyle()
                .set("border-collapse", "collapse")
                .set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)");
        if (m.values() == null) {
            Element row = new Element("tr");
            Element cell = new Element("td");
            cell.setText(getTranslation(m.name().endsWith(".grad") ? "charts.matrix.none" : "charts.matrix.diverged"));
            table.appendChild(row.appendChild(cell));
            return table;
        }
        Element head = new Element("tr");
        head.appendChild(new Element("td"));
        for (int c = 0; c < m.cols(); c++) {
            head.appendChild(indexHeader(c, "col"));
        }
        table.appendChild(head);
        for (int r = 0; r < m.rows(); r++) {
            Element row = new Element("tr");
            row.appendChild(indexHeader(r, "row"));
            for (int c = 0; c < m.cols(); c++) {
                Element cell = new Element("td");
                cell.setText(Numbers.format(m.at(r, c), getLocale(), FULL_DECIMALS));
                cell.getStyle()
                        .set("text-align", "end")
                        .set("padding", "2px var(--lumo-space-s)")
                        .set("border", "1px solid var(--lumo-contrast-10pct)")
                        .set("white-space", "nowrap");
                row.appendChild(cell);
            }
            table.appendChild(row);
        }
        return table;
    }

    private static Element indexHeader(int index, String scope) {
        Element th = new Element("th");
        th.setAttribute("scope", scope);
        th.setText(Integer.toString(index));
        th.getStyle()
                .set("font-weight", "400")
                .set("padding", "0 2px")
                .set("color", "var(--lumo-secondary-text-color)");
        return th;
    }

    /** A colour bar from −max (blue) through 0 to +max (red); decorative, the legend above says it in words. */
    private static Div scaleBar() {
        Div bar = new Div();
        bar.getElement().setAttribute("aria-hidden", "true");
        bar.getStyle()
                .set("height", "10px")
                .set("max-width", "16rem")
                .set("margin-block-end", "var(--lumo-space-s)")
                .set("border-radius", "2px")
                .set(
                        "background",
                        "linear-gradient(to right, " + Matrix.colour(-1, 1) + ", " + Matrix.colour(-0.5, 1) + ", "
                                + Matrix.colour(0, 1) + ", " + Matrix.colour(0.5, 1) + ", " + Matrix.colour(1, 1)
                                + ")");
        Span minus = new Span("−");
        Span plus = new Span("+");
        Div labels = new Div(minus, new Span("0"), plus);
        labels.getElement().setAttribute("aria-hidden", "true");
        labels.getStyle()
                .set("display", "flex")
                .set("justify-content", "space-between")
                .set("max-width", "16rem")
                .set("font-size", "var(--lumo-font-size-xs)");
        return new Div(labels, bar);
    }

    private static void visuallyHidden(Element e) {
        e.getStyle()
                .set("position", "absolute")
                .set("width", "1px")
                .set("height", "1px")
                .set("overflow", "hidden")
                .set("clip", "rect(0 0 0 0)")
                .set("white-space", "nowrap");
    }
}
