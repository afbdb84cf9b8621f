package dev.gradlab.base.ui.steptable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A collapsed step table shows five rows around the current step: steps 1..20, counted by hand. */
class StepTableWindowTest {

    private static final List<StepRow> TWENTY = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> new StepRow(i, 1, i, null, Map.of(), null, true, Map.of()))
            .toList();

    private static List<Integer> steps(List<StepRow> rows) {
        return rows.stream().map(StepRow::step).toList();
    }

    @Test
    void the_window_is_centred_on_the_current_step() {
        assertThat(steps(StepTable.window(TWENTY, 10, 2))).containsExactly(8, 9, 10, 11, 12);
    }

    @Test
    void near_the_ends_the_window_keeps_five_rows_by_taking_them_from_the_other_side() {
        assertThat(steps(StepTable.window(TWENTY, 1, 2))).containsExactly(1, 2, 3, 4, 5);
        assertThat(steps(StepTable.window(TWENTY, 2, 2))).containsExactly(1, 2, 3, 4, 5);
        assertThat(steps(StepTable.window(TWENTY, 19, 2))).containsExactly(16, 17, 18, 19, 20);
        assertThat(steps(StepTable.window(TWENTY, 20, 2))).containsExactly(16, 17, 18, 19, 20);
    }

    @Test
    void without_a_current_step_the_first_rows_are_shown_and_a_short_table_is_shown_whole() {
        assertThat(steps(StepTable.window(TWENTY, null, 2))).containsExactly(1, 2, 3, 4, 5);
        assertThat(steps(StepTable.window(TWENTY.subList(0, 4), 3, 2))).containsExactly(1, 2, 3, 4);
    }
}
