package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import dev.gradlab.base.ui.steptable.StepRow;
import dev.gradlab.base.ui.steptable.StepTable;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One step table per strategy of a run, side by side where the screen is wide enough. */
final class StepTables extends Composite<Div> {

    private final List<StepTable> tables = new ArrayList<>();

    StepTables() {
        getContent().addClassName("gradlab-tables");
    }

    void show(RunResult result, @Nullable Integer current) {
        getContent().removeAll();
        tables.clear();
        boolean oneEpoch =
                result.runs().stream().allMatch(r -> r.steps().stream().allMatch(s -> s.epoch() == 1));
        for (StrategyRun run : result.runs()) {
            StepTable table = new StepTable();
            table.setRows(run.steps().stream().map(StepTables::row).toList());
            table.setColumnVisible(StepTable.Column.EPOCH_BATCH, !oneEpoch);
            if (run.steps().stream().allMatch(s -> s.loss() == null)) {
                table.setColumnVisible(StepTable.Column.LOSS, false);
            }
            table.setCurrentStep(current);
            Div box = new Div(new H3(StrategyText.label(this, run.strategy())), table);
            box.addClassName("gradlab-table-box");
            box.setId("table-" + run.strategy().name());
            getContent().add(box);
            tables.add(table);
        }
    }

    void setCurrent(@Nullable Integer current) {
        tables.forEach(t -> t.setCurrentStep(current));
    }

    private static StepRow row(StepRecord r) {
        return new StepRow(r.step(), r.epoch(), r.batch(), r.loss(), r.grad(), r.applied(), r.stepped(), r.params());
    }
}
