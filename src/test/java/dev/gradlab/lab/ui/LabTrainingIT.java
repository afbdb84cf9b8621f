package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.BrowserTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        // looked up in the page's language, not on the training thread (which once gave "!{training.boundary.aria}!")
        assertThat(page.locator("#boundary-zeroed svg")).hasAttribute("aria-label", "Decision boundary of zeroed after epoch 2");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-training-en-desktop");

        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lab/xor-mlp");
        page.locator("#training-epochs input").fill("2");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#accuracy-zeroed")).containsText("%");
        assertThat(page.locator("#boundary-zeroed svg").getAttribute("aria-label")).contains("在第 2 個 epoch 後的決策邊界")
                .doesNotContain("!{");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-training-zh-TW-phone");
    }

    @Test
    void the_page_answers_at_once_while_a_model_trains_and_cancel_stops_it_within_a_second() {
        open("/lab/spiral-mlp");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "running");
        page.waitForFunction("() => document.querySelector('#training-progress').value > 0.05");

        // a server round trip while both cores train: the theme toggle's label comes back from the server; the median
        // of five, as the machine running the tests may be shared (before the fix a click waited for the whole run)
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String before = page.locator("#theme-toggle").getAttribute("aria-label");
            long t0 = System.nanoTime();
            page.locator("#theme-toggle").click();
            page.waitForFunction("b => document.querySelector('#theme-toggle').getAttribute('aria-label') !== b", before);
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        Collections.sort(times);
        System.out.println("theme toggle round trips during training (ms, sorted): " + times);
        assertThat(times.get(2)).as("median theme toggle round trip (ms), target 100; all: %s", times).isLessThan(500);
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "running");

        long t0 = System.nanoTime();
        page.locator("#training-cancel").click();
        page.waitForFunction("() => document.querySelector('#training-status').dataset.state === 'cancelled'");
        long cancelMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("cancel to 'cancelled' during training: " + cancelMs + " ms");
        assertThat(cancelMs).as("cancel to 'cancelled' (ms), target 1000").isLessThan(1500);
        assertThat(page.locator("#training-start")).isEnabled();
    }

    @Test
    void a_manual_scenario_keeps_its_step_controls() {
        open("/lab/gd-by-hand");
        assertThat(page.locator("#strategies")).isVisible();
        assertThat(page.locator("#training-panel")).hasCount(0);
    }
}
