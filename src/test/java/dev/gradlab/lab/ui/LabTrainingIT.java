package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.TimeoutError;
import dev.gradlab.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** A built-in model scenario in the Lab: the training panel instead of the step controls, trained live. */
@Import(UidlTimings.class)
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
        assertThat(page.locator("#boundary-zeroed svg"))
                .hasAttribute("aria-label", "Decision boundary of zeroed after epoch 2");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-training-en-desktop");

        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lab/xor-mlp");
        page.locator("#training-epochs input").fill("2");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#accuracy-zeroed")).containsText("%");
        assertThat(page.locator("#boundary-zeroed svg").getAttribute("aria-label"))
                .contains("在第 2 個 epoch 後的決策邊界")
                .doesNotContain("!{");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-training-zh-TW-phone");
    }

    @Test
    void the_page_answers_at_once_while_a_model_trains_and_cancel_stops_it_within_a_second() {
        open("/lab/spiral-mlp");
        // the baseline: the same page with its charts and pictures drawn (a short run), nothing training
        page.locator("#training-epochs input").fill("2");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        List<Click> idle = themeClicks(5);
        System.out.println("theme toggle after a run, idle: " + idle);

        page.locator("#training-epochs input").fill("20");
        // a server round trip while the model trains: the theme toggle's label comes back from the server. Only clicks
        // made and answered while the run is going count; on a fast machine a run may end first, and is started again
        List<Click> during = new ArrayList<>();
        for (int tries = 0; during.size() < 5 && tries < 40; tries++) {
            ensureRunning();
            Click click = themeClicks(1).get(0);
            if ("running".equals(page.locator("#training-status").getAttribute("data-state"))) {
                during.add(click);
            }
        }
        System.out.println("theme toggle during training: " + during);
        assertThat(during).as("clicks measured during training").hasSize(5);
        // The bound, 100 ms, on the server's part of each click (arrival to answer, any wait for the session
        // lock included): the original defect held the lock for the whole run, so a click waited 10 s and more.
        assertThat(median(during, Click::serverMillis))
                .as("median server time of a click during training (ms); all: %s", during)
                .isLessThanOrEqualTo(100);
        // The whole round trip also includes the browser's own work (charts redrawn in the new theme), which on a
        // shared 2-core machine varies with the load: against the same page idle, never twice as slow.
        long bound = Math.max(500, 2 * median(idle, Click::roundTripMillis));
        assertThat(median(during, Click::roundTripMillis))
                .as("median round trip during training (ms), bound %d; all: %s, idle: %s", bound, during, idle)
                .isLessThan(bound);

        // cancel a running job, on the longest run the page allows (50 epochs) so that it is still going when the
        // click lands. If it has ended all the same (Cancel is then disabled), start it again and retry.
        page.waitForFunction("() => document.querySelector('#training-status').dataset.state !== 'running'");
        page.locator("#training-epochs input").fill("50");
        long cancelMs = -1;
        for (int tries = 0; tries < 3 && cancelMs < 0; tries++) {
            ensureRunning();
            long t0 = System.nanoTime();
            try {
                page.locator("#training-cancel").click(new Locator.ClickOptions().setTimeout(2000));
            } catch (TimeoutError ended) {
                continue; // the run ended before the click
            }
            page.waitForFunction("() => ['cancelled', 'done'].includes("
                    + "document.querySelector('#training-status').dataset.state)");
            if ("cancelled".equals(page.locator("#training-status").getAttribute("data-state"))) {
                cancelMs = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        assertThat(cancelMs).as("a running job was cancelled").isNotNegative();
        System.out.println("cancel click to 'cancelled' shown: " + cancelMs + " ms");
        assertThat(cancelMs)
                .as("from the Cancel click to the page showing the job stopped (ms)")
                .isLessThan(1000);
        assertThat(page.locator("#training-start")).isEnabled();
    }

    /** One click on the theme toggle: the browser's round trip and the server's part of it, in ms. */
    record Click(long roundTripMillis, long serverMillis) {
        @Override
        public String toString() {
            return roundTripMillis + " ms (server " + serverMillis + " ms)";
        }
    }

    private static long median(List<Click> clicks, java.util.function.ToLongFunction<Click> of) {
        long[] sorted = clicks.stream().mapToLong(of).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** Starts the run again if it has ended, and waits until it is training. */
    private void ensureRunning() {
        if (!"running".equals(page.locator("#training-status").getAttribute("data-state"))) {
            page.locator("#training-start").click();
            assertThat(page.locator("#training-status")).hasAttribute("data-state", "running");
        }
        // (or it has ended already: the callers then retry)
        page.waitForFunction("() => document.querySelector('#training-progress').value > 0"
                + " || document.querySelector('#training-status').dataset.state !== 'running'");
    }

    /** {@code n} clicks on the theme toggle, each until its label (set by the server) has changed. */
    private List<Click> themeClicks(int n) {
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String before = page.locator("#theme-toggle").getAttribute("aria-label");
            waitForVaadin();
            long t0 = System.nanoTime();
            page.locator("#theme-toggle").click();
            page.waitForFunction(
                    "b => document.querySelector('#theme-toggle').getAttribute('aria-label') !== b", before);
            long t1 = System.nanoTime();
            List<UidlTimings.Request> requests = UidlTimings.arrivedBetween(t0, t1);
            for (int wait = 0; requests.isEmpty() && wait < 20; wait++) {
                page.waitForTimeout(50); // the filter records a request once it returns, just after the answer
                requests = UidlTimings.arrivedBetween(t0, t1);
            }
            long server = requests.stream()
                    .mapToLong(UidlTimings.Request::millis)
                    .max()
                    .orElseThrow(() -> new AssertionError("no UIDL request reached the server for the click"));
            clicks.add(new Click((t1 - t0) / 1_000_000, server));
        }
        return clicks;
    }

    @Test
    void a_manual_scenario_keeps_its_step_controls() {
        open("/lab/gd-by-hand");
        assertThat(page.locator("#strategies")).isVisible();
        assertThat(page.locator("#training-panel")).hasCount(0);
    }
}
