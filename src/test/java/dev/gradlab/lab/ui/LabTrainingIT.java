package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A built-in model scenario in the Lab: the training panel instead of the step controls, trained live. */
class LabTrainingIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    @Test
    void a_model_scenario_trains_live_in_the_lab() {
        open("/lab/xor-mlp");
        assertThat(page.locator("#training-panel")).isVisible();
        assertThat(page.locator("#strategies")).hasCount(0); // no step-by-step controls for a model
        page.locator("#training-epochs input").fill("2");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#training-status")).containsText("2 epochs");
        assertThat(page.locator("#accuracy-zeroed")).containsText("%");
        assertThat(page.locator("#boundary-zeroed svg")).isVisible();
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-training-en-desktop");

        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lab/xor-mlp");
        page.locator("#training-epochs input").fill("2");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#accuracy-zeroed")).containsText("%");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-training-zh-TW-phone");
    }

    @Test
    void a_manual_scenario_keeps_its_step_controls() {
        open("/lab/gd-by-hand");
        assertThat(page.locator("#strategies")).isVisible();
        assertThat(page.locator("#training-panel")).hasCount(0);
    }
}
