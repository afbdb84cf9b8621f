package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import dev.gradlab.base.ui.steptable.StepRow;
import dev.gradlab.base.ui.steptable.StepTable;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step table per strategy of a run, side by side where the screen is wide enough. A run of more than {@link
 * #COLLAPSE_OVER} steps starts collapsed to the rows around the current step, with a button to show them all. While
 * the student predicts first, rows after the last revealed step are held back ({@link #showUpTo}).
 */
final class StepTables extends Composite<Div> {

    /** Longer tables start collapsed: 9 rows of a multi-parameter table are already a phone screen. */
    static final int COLLAPSE_OVER = 9;

    private final List<StepTable> tables = new ArrayList<>();
    /** Every row of each table, also those held back. */
    private final List<List<StepRow>> rows = new ArrayList<>();
    /** Per table: brings its show-all button up to date with the rows shown (a no-op for a short run). */
    private final List<Runnable> toggles = new ArrayList<>();

    private @Nullable Integer upTo;

    StepTables() {
        getContent().addClassName("gradlab-tables");
    }

    void show(RunResult result, @Nullable Integer current) {
        getContent().removeAll();
        tables.clear();
        rows.clear();
        toggles.clear();
        upTo = null;
        boolean oneEpoch =
                result.runs().stream().allMatch(r -> r.steps().stream().allMatch(s -> s.epoch() == 1));
        for (StrategyRun run : result.runs()) {
            StepTable table = new StepTable();
            List<StepRow> all = run.steps().stream().map(StepTables::row).toList();
            table.setRows(all);
            rows.add(all);
            table.setColumnVisible(StepTable.Column.EPOCH_BATCH, !oneEpoch);
            if (run.steps().stream().allMatch(s -> s.loss() == null)) {
                table.setColumnVisible(StepTable.Column.LOSS, false);
            }
            table.setCurrentStep(current);
            Div box = new Div(new H3(StrategyText.label(this, run.strategy())), table);
            box.addClassName("gradlab-table-box");
            box.setId("table-" + run.strategy().name());
            Runnable update = () -> {};
            if (run.steps().size() > COLLAPSE_OVER) {
                table.setCollapsed(true);
                Button toggle = toggle(table, "table-toggle-" + run.strategy().name());
                box.add(toggle);
                update = () -> {
                    toggle.setVisible(table.getRows().size() > COLLAPSE_OVER);
                    toggle.setText(label(table));
                };
            }
            toggles.add(update);
            getContent().add(box);
            tables.add(table);
        }
    }

    private Button toggle(StepTable table, String id) {
        Button toggle = new Button();
        toggle.setId(id);
        toggle.addClassName("gradlab-table-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> {
            table.setCollapsed(!table.isCollapsed());
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(!table.isCollapsed()));
            toggle.setText(label(table));
        });
        toggle.setText(label(table));
        return toggle;
    }

    /** "Show all n steps" counts the rows there are to show: while predicting first, only the revealed ones. */
    private String label(StepTable table) {
        return table.isCollapsed()
                ? getTranslation("steptables.show-all", table.getRows().size())
                : getTranslation("steptables.show-around");
    }

    void setCurrent(@Nullable Integer current) {
        tables.forEach(t -> t.setCurrentStep(current));
    }

    /** Shows the rows up to step {@code last} only (0: none yet), or every row for null. */
    void showUpTo(@Nullable Integer last) {
        if (Objects.equals(last, upTo)) {
            return;
        }
        upTo = last;
        for (int i = 0; i < tables.size(); i++) {
            List<StepRow> all = rows.get(i);
            tables.get(i)
                    .setRows(
                            last == null
                                    ? all
                                    : all.stream().filter(r -> r.step() <= last).toList());
            toggles.get(i).run(); // a held-back table of a few rows needs no "show all"
        }
    }

    private static StepRow row(StepRecord r) {
        return new StepRow(r.step(), r.epoch(), r.batch(), r.loss(), r.grad(), r.applied(), r.stepped(), r.params());
    }
}
