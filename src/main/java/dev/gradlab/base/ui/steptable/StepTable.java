package dev.gradlab.base.ui.steptable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.shared.Registration;
import dev.gradlab.base.ui.i18n.Numbers;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compact grid of optimizer steps: step, epoch·batch, loss, {@code .grad}, applied gradient, stepped?, parameters
 * after. The current step is highlighted (and marked ▸ for screen readers and colour-blind readers). Vectors wrap
 * and long ones are abbreviated (hover or focus a cell for all values); in windows narrower than 600 px the
 * epoch·batch column moves into the step's tooltip, so the table fits a 360 px phone.
 *
 * <pre>{@code
 * StepTable table = new StepTable();
 * table.setRows(records.stream().map(r -> new StepRow(r.step(), r.epoch(), r.batch(), r.loss(),
 *         r.grad(), r.applied(), r.stepped(), r.params())).toList());
 * table.setCurrentStep(3);
 * table.setColumnVisible(StepTable.Column.EPOCH_BATCH, false);
 * }</pre>
 */
public final class StepTable extends Composite<Grid<StepRow>> implements HasSize {

    /** The columns, in display order. */
    public enum Column {
        STEP,
        EPOCH_BATCH,
        LOSS,
        GRAD,
        APPLIED,
        STEPPED,
        PARAMS
    }

    private static final int MAX_ROWS_WITHOUT_SCROLL = 15;

    /** Rows shown either side of the current step while the table is collapsed. */
    public static final int AROUND = 2;

    /** Below this window width (px) the epoch·batch column folds into the step column's tooltip. */
    static final int NARROW_WIDTH = 600;

    private final Map<Column, Grid.Column<StepRow>> columns = new EnumMap<>(Column.class);
    private List<StepRow> rows = List.of();
    private @Nullable Integer currentStep;
    private final EnumSet<Column> hiddenByCaller = EnumSet.noneOf(Column.class);
    private boolean narrow;
    private boolean collapsed;
    private @Nullable Registration resizeRegistration;

    public StepTable() {
        Grid<StepRow> grid = getContent();
        grid.addClassName("gradlab-step-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.setPartNameGenerator(r -> Objects.equals(currentStep, r.step()) ? "current-step" : null);

        columns.put(
                Column.STEP,
                grid.addColumn(r -> (Objects.equals(currentStep, r.step()) ? "▸" : "") + r.step())
                        .setHeader(getTranslation("steptable.step"))
                        .setWidth("3.4em")
                        .setFlexGrow(0)
                        .setTooltipGenerator(r -> getTranslation("steptable.epoch-batch.tooltip", r.epoch(), r.batch()))
                        .setTextAlign(ColumnTextAlign.END));
        columns.put(
                Column.EPOCH_BATCH,
                grid.addColumn(r -> r.epoch() + "·" + r.batch())
                        .setHeader(getTranslation("steptable.epoch-batch"))
                        .setWidth("3.4em")
                        .setFlexGrow(0)
                        .setTooltipGenerator(
                                r -> getTranslation("steptable.epoch-batch.tooltip", r.epoch(), r.batch())));
        columns.put(
                Column.LOSS,
                grid.addColumn(r -> Numbers.compactOrNone(r.loss(), getLocale()))
                        .setTooltipGenerator(r -> Numbers.formatOrNone(r.loss(), getLocale()))
                        .setHeader(getTranslation("steptable.loss"))
                        .setWidth("3.5em")
                        .setFlexGrow(1));
        columns.put(Column.GRAD, vectorColumn(r -> r.grad(), "steptable.grad"));
        columns.put(Column.APPLIED, vectorColumn(StepRowVectors.APPLIED, "steptable.applied"));
        columns.put(
                Column.STEPPED,
                grid.addColumn(LitRenderer.<StepRow>of(
                                        "<span role='img' aria-label='${item.label}' title='${item.label}'>${item.mark}</span>")
                                .withProperty("mark", r -> r.stepped() ? "✓" : "–")
                                .withProperty(
                                        "label",
                                        r -> getTranslation(
                                                r.stepped() ? "steptable.stepped.yes" : "steptable.stepped.no")))
                        .setHeader(getTranslation("steptable.stepped"))
                        .setWidth("3.8em")
                        .setFlexGrow(0)
                        .setTextAlign(ColumnTextAlign.CENTER));
        columns.put(Column.PARAMS, vectorColumn(r -> r.params(), "steptable.params"));
    }

    private Grid.Column<StepRow> vectorColumn(StepRowVectors vectors, String headerKey) {
        return getContent()
                .addColumn(r -> VectorText.of(vectors.of(r), getLocale(), true))
                .setHeader(getTranslation(headerKey))
                .setTooltipGenerator(r -> VectorText.of(vectors.of(r), getLocale(), false))
                .setWidth("4em")
                .setFlexGrow(2)
                .setPartNameGenerator(r -> "vector");
    }

    /** Replaces all rows; the current step stays highlighted if it is still there. */
    public void setRows(List<StepRow> rows) {
        this.rows = List.copyOf(rows);
        showRows();
    }

    /**
     * Collapsed, the table shows only the {@link #AROUND} rows either side of the current step (or the first ones),
     * so a long run does not make the page thousands of pixels tall on a phone; expanded, every row.
     */
    public void setCollapsed(boolean collapsed) {
        this.collapsed = collapsed;
        showRows();
    }

    public boolean isCollapsed() {
        return collapsed;
    }

    /** How many rows the reader sees now. */
    public int shownRows() {
        return collapsed ? window(rows, currentStep, AROUND).size() : rows.size();
    }

    private void showRows() {
        Grid<StepRow> grid = getContent();
        List<StepRow> shown = collapsed ? window(rows, currentStep, AROUND) : rows;
        grid.setItems(shown);
        boolean all = shown.size() <= MAX_ROWS_WITHOUT_SCROLL;
        grid.setAllRowsVisible(all);
        if (all) {
            grid.setHeight(null);
        } else {
            grid.setHeight("28em");
        }
    }

    /**
     * The rows within {@code around} of the current step's row, always {@code 2 × around + 1} of them when there are
     * that many (fewer after the first step and before the last are made up on the other side); with no current step
     * (or one not in the list), the first rows.
     */
    static List<StepRow> window(List<StepRow> rows, @Nullable Integer current, int around) {
        int size = 2 * around + 1;
        if (rows.size() <= size) {
            return rows;
        }
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (Objects.equals(current, rows.get(i).step())) {
                at = i;
                break;
            }
        }
        int from = Math.max(0, Math.min(at - around, rows.size() - size));
        return rows.subList(from, from + size);
    }

    public List<StepRow> getRows() {
        return rows;
    }

    /** Highlights the row with this step number (null: none) and scrolls it into view. */
    public void setCurrentStep(@Nullable Integer step) {
        this.currentStep = step;
        if (collapsed) {
            showRows();
            return;
        }
        getContent().getDataProvider().refreshAll();
        if (step != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).step() == step) {
                    getContent().scrollToIndex(i);
                    break;
                }
            }
        }
    }

    public @Nullable Integer getCurrentStep() {
        return currentStep;
    }

    public void setColumnVisible(Column column, boolean visible) {
        if (visible) {
            hiddenByCaller.remove(column);
        } else {
            hiddenByCaller.add(column);
        }
        applyVisibility();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(d -> setNarrow(d.getWindowInnerWidth() < NARROW_WIDTH));
        resizeRegistration = page.addBrowserWindowResizeListener(e -> setNarrow(e.getWidth() < NARROW_WIDTH));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resizeRegistration != null) {
            resizeRegistration.remove();
            resizeRegistration = null;
        }
        super.onDetach(event);
    }

    private void setNarrow(boolean narrow) {
        this.narrow = narrow;
        applyVisibility();
    }

    private void applyVisibility() {
        columns.forEach(
                (c, col) -> col.setVisible(!hiddenByCaller.contains(c) && !(narrow && c == Column.EPOCH_BATCH)));
    }

    /** Renames a column header, e.g. "θ after" instead of "Params after" in a one-parameter lesson. */
    public void setColumnHeader(Column column, String header) {
        Objects.requireNonNull(columns.get(column), () -> "no column " + column).setHeader(header);
    }

    /** The cell text a reader sees (for tests and for exporting what is shown). */
    String cellText(StepRow row, Column column) {
        return switch (column) {
            case STEP -> String.valueOf(row.step());
            case EPOCH_BATCH -> row.epoch() + "·" + row.batch();
            case LOSS -> Numbers.compactOrNone(row.loss(), getLocale());
            case GRAD -> VectorText.of(row.grad(), getLocale(), true);
            case APPLIED -> VectorText.of(StepRowVectors.APPLIED.of(row), getLocale(), true);
            case STEPPED -> row.stepped() ? "✓" : "–";
            case PARAMS -> VectorText.of(row.params(), getLocale(), true);
        };
    }
}
