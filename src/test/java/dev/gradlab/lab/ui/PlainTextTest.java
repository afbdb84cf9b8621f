package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void code_ticks_and_emphasis_are_dropped_and_lines_joined() {
        assertThat(PlainText.of("With `summed` each call *adds*\nanother **copy**; 2 * 3 stays."))
                .isEqualTo("With summed each call adds another copy; 2 * 3 stays.");
    }
}
