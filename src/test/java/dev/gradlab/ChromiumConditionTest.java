package dev.gradlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChromiumConditionTest {

    @Test
    void browser_tests_run_when_chromium_is_installed() {
        assertThat(ChromiumCondition.evaluate(true).isDisabled()).isFalse();
    }

    @Test
    void without_chromium_browser_tests_are_skipped_with_the_command_that_enables_them() {
        var result = ChromiumCondition.evaluate(false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains(ChromiumCondition.CHROMIUM + " not found")
                        .contains("sudo apt-get install chromium"));
    }
}
