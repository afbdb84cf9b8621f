package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void while_training_the_status_text_counts_the_same_steps_as_the_bar_also_within_an_epoch() {
        open("/test/training/slow");
        page.locator("#training-start").click();
        // the slow spec: 4,000 spiral points, a quarter held out, leave 3,000 training points in batches of 1;
        // two strategies for 20 epochs: 3,000 × 2 × 20 = 120,000 steps, 6,000 of them per epoch
        Pattern live = Pattern.compile("epoch (\\d+) of 20, ([\\d,]+) of 120,000 steps done");
        page.waitForFunction("() => document.querySelector('#training-status').textContent.includes('steps done')");
        Set<Long> seen = new LinkedHashSet<>();
        boolean midEpoch = false;
        for (int i = 0; i < 8; i++) {
            // one read of both: the text and the bar of the same moment
            List<?> both = (List<?>) page.evaluate("() => [document.querySelector('#training-progress').value,"
                    + " document.querySelector('#training-status').textContent,"
                    + " document.querySelector('#training-status').getAttribute('data-state')]");
            if (!"running".equals(both.get(2))) {
                break;
            }
            String text = (String) both.get(1);
            Matcher m = live.matcher(text);
            assertThat(m.find()).as(text).isTrue();
            long done = Long.parseLong(m.group(2).replace(",", ""));
            double bar = ((Number) both.get(0)).doubleValue();
            assertThat(bar).as(text).isCloseTo(done / 120_000.0, within(1e-12));
            // the epoch in the text is the one the count is in: 6,000 steps per epoch over both strategies
            assertThat(Long.parseLong(m.group(1))).as(text).isEqualTo((done - 1) / 6_000 + 1);
            midEpoch |= done % 6_000 != 0;
            seen.add(done);
            page.waitForTimeout(600);
        }
        page.locator("#training-cancel").click();
        assertThat(seen).as("distinct counts seen while running").hasSizeGreaterThanOrEqualTo(2);
        assertThat(midEpoch).as("a count inside an epoch, not only at its end").isTrue();
    }

    @Test
    void fashion_mnist_results_are_shares_of_the_test_images() {
        // one strategy for one epoch, chosen in the link (issue 12, defect 6)
        open("/lab/fashion-mnist-mlp?strategies=zeroed&train-epochs=1");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        // 1,000 test images: a share with at most one decimal, of images rather than points
        assertThat(page.locator("#accuracy-zeroed"))
                .hasText(Pattern.compile("^zeroed: \\d{1,3}(\\.\\d)?% of the test images$"));
        assertThat(page.locator("#accuracy-summed")).hasCount(0);
    }
}
