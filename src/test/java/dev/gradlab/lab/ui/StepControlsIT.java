package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import dev.gradlab.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lab's step controls: keyboard shortcuts announced on the page, and on a phone reachable and big enough. */
class StepControlsIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    @Test
    void alt_shift_arrows_step_and_alt_shift_p_plays_and_the_page_says_so() {
        open("/lab/gd-by-hand");
        assertThat(page.locator("#step-shortcuts")).isVisible();
        assertThat(page.locator("#step-shortcuts")).containsText("Alt+Shift+→");
        assertThat(page.locator("#step-forward")).hasAttribute("aria-keyshortcuts", "Alt+Shift+ArrowRight");
        page.keyboard().press("Alt+Shift+ArrowRight");
        waitForVaadin();
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        page.keyboard().press("Alt+Shift+ArrowLeft");
        waitForVaadin();
        assertThat(page.locator("#step-info")).containsText("Step 1 of 3");
        page.keyboard().press("Alt+Shift+P");
        assertThat(page.locator("#step-info")).containsText("Step 3 of 3");
    }

    @Test
    void on_a_phone_the_controls_stay_on_screen_while_scrolling_and_every_target_is_44_px() {
        newContext("en-US", PHONE_WIDTH, 740);
        open("/lab/gd-by-hand");
        for (String id :
                List.of("step-first", "step-back", "play", "step-forward", "step-last", "step-reset", "scrubber")) {
            BoundingBox box = page.locator("#" + id).boundingBox();
            assertThat(box.height).as(id + " height").isGreaterThanOrEqualTo(44);
            if (!id.equals("scrubber")) {
                assertThat(box.width).as(id + " width").isGreaterThanOrEqualTo(44);
            }
        }
        // Scroll the view (AppLayout's content box) to the bottom: the forward button is still in the window.
        page.evaluate(
                "() => { const c = document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[content]');"
                        + " c.scrollTop = c.scrollHeight; }");
        page.waitForTimeout(300);
        Locator forward = page.locator("#step-forward");
        BoundingBox box = forward.boundingBox();
        assertThat(box.y).isBetween(0.0, 740.0 - box.height);
        forward.click();
        waitForVaadin();
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-en-phone-scrolled");
    }

    @Test
    void on_a_phone_a_long_step_table_shows_the_rows_around_the_current_step_until_asked_for_all() {
        newContext("en-US", PHONE_WIDTH, 740);
        open("/lab/mlp-explicit-weights?strategies=zeroed&step=6");
        Locator grid = page.locator("#table-zeroed vaadin-grid");
        assertThat(rows(grid)).isEqualTo(5); // steps 4..8 of 10
        assertThat(grid).containsText("▸6");
        assertThat(horizontalOverflow()).isZero();
        int collapsed = viewHeight();
        page.locator("#step-forward").click();
        waitForVaadin();
        assertThat(grid).containsText("▸7");
        assertThat(rows(grid)).isEqualTo(5);

        Locator toggle = page.locator("#table-toggle-zeroed");
        assertThat(toggle).hasText("Show all 10 steps");
        toggle.click();
        waitForVaadin();
        assertThat(rows(grid)).isEqualTo(10);
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        int expanded = viewHeight();
        System.out.printf(
                "/lab/mlp-explicit-weights at 375 px: %d px collapsed, %d px with every row%n", collapsed, expanded);
        assertThat(collapsed).isLessThan(expanded);
    }

    private static int rows(Locator grid) {
        return ((Number) grid.evaluate("g => g.size")).intValue();
    }

    private int viewHeight() {
        return ((Number) page.evaluate("() => { const al = document.querySelector('vaadin-app-layout');"
                        + " return al.shadowRoot.querySelector('[content]').scrollHeight; }"))
                .intValue();
    }
}
