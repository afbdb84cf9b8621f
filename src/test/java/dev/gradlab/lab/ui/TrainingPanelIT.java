package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live training in the browser: progress pushed from the training thread, final accuracies, pictures, cancel. */
class TrainingPanelIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    @Test
    void a_small_run_trains_live_and_ends_with_accuracies_and_decision_boundaries() {
        open("/test/training/small");
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "idle");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        // accuracy is a share of 50 test points, printed as a percentage
        assertThat(page.locator("#accuracy-zeroed")).containsText("%");
        assertThat(page.locator("#accuracy-summed")).isVisible();
        assertThat(page.locator("#boundary-zeroed svg rect").first()).isAttached();
        assertThat(page.locator("#boundary-zeroed svg circle").first()).isAttached();
        assertThat(page.locator("#boundary-zeroed svg").boundingBox().height).isGreaterThan(150);
        Locator lossLines = page.locator("#training-loss-chart .apexcharts-series path.apexcharts-line");
        assertThat(lossLines.first()).hasAttribute("d", java.util.regex.Pattern.compile("^M.*L"));
        assertThat(page.locator("#training-start")).isEnabled();
        assertThat(page.locator("#training-cancel")).isDisabled();
        assertThat(horizontalOverflow()).isZero();
        screenshot("training-panel-en-desktop");

        // a language switch rebuilds the view: the finished run is still shown, now in Chinese
        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#training-status")).containsText("完成");
        assertThat(page.locator("#accuracy-zeroed")).containsText("%");
        assertThat(page.locator("#boundary-zeroed svg circle").first()).isAttached();
        assertThat(lossLines.first()).hasAttribute("d", java.util.regex.Pattern.compile("^M.*L"));

        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/test/training/small");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#training-status")).containsText("完成");
        assertThat(page.locator("#boundary-summed svg")).isVisible();
        assertThat(horizontalOverflow()).isZero();
        screenshot("training-panel-zh-TW-phone");
    }

    @Test
    void a_running_job_shows_its_progress_and_can_be_cancelled() {
        open("/test/training/slow");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "running");
        assertThat(page.locator("#training-progress")).isVisible();
        page.waitForFunction("() => document.querySelector('#training-progress').value > 0");
        page.locator("#training-cancel").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "cancelled");
        assertThat(page.locator("#training-start")).isEnabled();
        assertThat(page.locator("#training-progress")).isHidden();
    }
}
