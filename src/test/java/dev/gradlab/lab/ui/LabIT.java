package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lab and the Library in a browser: stepping, URL state, bad links, languages, phone width. */
class LabIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    private static Locator cell(Locator table, String text) {
        return table.locator("vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true));
    }

    @Test
    void stepping_forward_moves_tables_code_and_url_to_the_next_batch() {
        open("/lab/gd-by-hand");
        assertThat(page.locator("#step-info")).containsText("Step 1 of 3");
        page.locator("#step-forward").click();
        waitForVaadin();
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        // summed after step 2: 8 − (2 + 1) = 5; zeroed: 8 − 1 = 7
        Locator summed = page.locator("#table-summed");
        assertThat(cell(summed, "▸2")).isVisible();
        assertThat(cell(summed, "5").first()).isVisible();
        assertThat(cell(page.locator("#table-zeroed"), "7").first()).isVisible();
        assertThat(page.locator("#pytorch-code .current")).containsText("optimizer.step()");
        assertThat(page.locator("#graph-panel svg")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/lab/gd-by-hand\\?.*step=2.*"));
        screenshot("lab-en-desktop");
    }

    @Test
    void a_copied_link_reopens_the_same_strategies_and_step() {
        open("/lab/gd-by-hand?strategies=zeroed,summed&step=2");
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        assertThat(page.locator("#step-field input")).hasValue("2");
        assertThat(page.locator("#table-summed")).isVisible();
        assertThat(page.locator("#table-averaged")).hasCount(0);
        assertThat(cell(page.locator("#table-summed"), "▸2")).isVisible();
    }

    @Test
    void play_steps_to_the_end_and_stops() {
        open("/lab/accumulate-x-squared");
        page.locator("#play").click();
        // 5 batches, one per second
        assertThat(page.locator("#step-info")).containsText("Step 5 of 5");
        page.waitForTimeout(1_500);
        assertThat(page.locator("#play")).containsText("Play");
        assertThat(cell(page.locator("#table-summed"), "▸5")).isVisible();
    }

    @Test
    void bad_links_show_a_friendly_message_with_a_way_back() {
        open("/lab/no-such-scenario");
        assertThat(page.locator("#lab-error")).containsText("no-such-scenario");
        assertThat(page.locator("#back-to-library")).isVisible();
        screenshot("lab-error-en-desktop");
        open("/lab/gd-by-hand?step=9");
        assertThat(page.locator("#lab-error")).containsText("9");
        open("/lab/gd-by-hand?strategies=halved");
        assertThat(page.locator("#lab-error")).containsText("halved");
        page.locator("#back-to-library").click();
        waitForVaadin();
        assertThat(page.locator("#scenario-cards")).isVisible();
    }

    @Test
    void switching_to_chinese_keeps_the_step() {
        open("/lab/gd-by-hand?step=2");
        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();
        assertThat(page.locator("h1")).hasText("手算梯度下降");
        assertThat(page.locator("#step-info")).containsText("第 2 步");
        screenshot("lab-zh-TW-desktop");
    }

    @Test
    void the_lab_and_library_fit_a_phone() {
        newContext("en-US", PHONE_WIDTH, 800);
        open("/lab/linear-regression-batches?step=4");
        assertThat(page.locator("gradlab-apex-chart")
                        .first()
                        .locator(".apexcharts-series path.apexcharts-line")
                        .first())
                .isVisible();
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-en-phone");
        open("/library");
        assertThat(page.locator("#open-mlp-explicit-weights")).isVisible();
        assertThat(horizontalOverflow()).isZero();
        screenshot("library-en-phone");
    }

    @Test
    void the_mlp_shows_its_whole_graph_without_widening_the_page() {
        open("/lab/mlp-explicit-weights?strategies=zeroed,accumulate-2&step=3");
        assertThat(page.locator("#step-info")).containsText("Step 3 of 10");
        assertThat(page.locator("#graph-panel svg g.node").first()).isVisible();
        assertThat(page.locator("#graph-panel svg")).containsText("W1");
        assertThat(page.locator("#pytorch-code")).containsText("F.cross_entropy(");
        assertThat(horizontalOverflow()).isZero();
        screenshot("lab-mlp-en-desktop");
    }

    @Test
    void the_library_lists_the_built_ins_first_and_opens_them_in_the_lab() {
        open("/library");
        assertThat(page.locator("#scenario-cards .gradlab-card").first()).containsText("backward()");
        screenshot("library-en-desktop");
        page.locator("#open-gd-by-hand").click();
        waitForVaadin();
        assertThat(page.locator("h1")).hasText("Gradient descent by hand");
    }
}
