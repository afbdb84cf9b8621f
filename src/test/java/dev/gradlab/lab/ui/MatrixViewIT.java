package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Defect 9 of issue 12: a tensor parameter's chart follows a chosen element; heat-maps and the full matrix. */
class MatrixViewIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    /** The chart box of parameter {@code name}: the one holding its Element select. */
    private Locator chartBox(String name) {
        return page.locator(".gradlab-chart-box")
                .filter(new Locator.FilterOptions().setHas(page.locator("#element-" + name)));
    }

    /** The grid cell of the chart's table at (row of x = {@code x}, column {@code column}); 0 is the x column. */
    private static Locator tableRow(Locator box, String x) {
        return box.locator("vaadin-grid-cell-content")
                .getByText(x, new Locator.GetByTextOptions().setExact(true))
                .first();
    }

    @Test
    void choosing_another_element_changes_what_the_chart_and_its_table_show() {
        open("/lab/mlp-explicit-weights?strategies=zeroed,summed&step=1");
        Locator box = chartBox("W1");
        assertThat(box.locator("h3")).hasText("Parameter W1[0,0] per step");
        box.getByText("Show the numbers as a table").click();
        Locator table = box.locator("vaadin-grid");
        // step 0 is the scenario file's W1: [[0.5, -0.4, 0.3], [-0.2, 0.6, 0.4]]
        assertThat(tableRow(box, "0")).isVisible();
        assertThat(table.locator("vaadin-grid-cell-content")
                        .getByText("0.5", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(2); // zeroed and summed
        page.locator("#element-W1").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("W1[1,2]"))
                .click();
        waitForVaadin();
        assertThat(box.locator("h3")).hasText("Parameter W1[1,2] per step");
        assertThat(table.locator("vaadin-grid-cell-content")
                        .getByText("0.4", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(2);
        assertThat(table.locator("vaadin-grid-cell-content")
                        .getByText("0.5", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(0);
        // the heat-maps: W1 and W1.grad for each of the two strategies, six cells each
        Locator maps = page.locator("#matrices table.gradlab-heatmap");
        assertThat(page.locator("#matrices h3")).hasText("Matrices at step 1");
        assertThat(page.locator("#matrices table.gradlab-heatmap[aria-label='W1 · zeroed'] td[title]"))
                .hasCount(6);
        assertThat(maps.filter(new Locator.FilterOptions().setHasText("W1.grad")))
                .hasCount(2);
        assertThat(horizontalOverflow()).isZero();
        screenshot("matrices-en-desktop");
    }

    @Test
    void the_full_matrix_opens_by_keyboard_with_every_value_of_the_current_step() {
        // lr 0: x stays [1, 2, 3]; x.grad = 2x is [2, 4, 6] after each backward(), and summed adds it up:
        // [6, 12, 18] after three
        open("/lab/accumulate-x-squared?step=3");
        Locator summary = page.locator("#full-x vaadin-details-summary");
        assertThat(summary).hasText("Show full matrix x");
        summary.focus();
        page.keyboard().press("Enter");
        Locator summedGrad =
                page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("summed: x.grad after step 3"));
        assertThat(summedGrad).isVisible();
        assertThat(summedGrad.locator("tr:nth-of-type(n+2) td")).hasText(new String[] {"6", "12", "18"});
        Locator zeroedGrad =
                page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("zeroed: x.grad after step 3"));
        assertThat(zeroedGrad.locator("tr:nth-of-type(n+2) td")).hasText(new String[] {"2", "4", "6"});
        assertThat(summedGrad).hasAttribute("tabindex", "0");
        // the open table follows the step
        page.locator("#step-back").click();
        waitForVaadin();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("summed: x.grad after step 2"))
                        .locator("tr:nth-of-type(n+2) td"))
                .hasText(new String[] {"4", "8", "12"});
    }

    @Test
    void heat_maps_and_the_full_matrix_fit_a_phone_and_a_desktop_in_both_languages() {
        for (String locale : new String[] {"en-US", "zh-TW"}) {
            for (int width : new int[] {PHONE_WIDTH, DESKTOP_WIDTH}) {
                newContext(locale, width, 800);
                open("/lab/mlp-explicit-weights?step=4");
                page.locator("#full-W2 vaadin-details-summary").click();
                assertThat(page.locator("#full-W2 table.gradlab-matrix-table").first())
                        .isVisible();
                assertThat(page.locator("#matrices table.gradlab-heatmap").first())
                        .isVisible();
                assertThat(horizontalOverflow()).as(locale + " at " + width).isZero();
                assertThat(seriousAxeViolations(locale + " at " + width + ", light"))
                        .isEmpty();
                page.locator("#theme-toggle").click();
                waitForVaadin();
                assertThat(seriousAxeViolations(locale + " at " + width + ", dark"))
                        .isEmpty();
                page.locator("#theme-toggle").click();
                waitForVaadin();
                page.locator("#matrices")
                        .screenshot(new Locator.ScreenshotOptions()
                                .setPath(SCREENSHOTS.resolve("matrices-" + locale + "-" + width + ".png")));
                screenshot("lab-mlp-" + locale + "-" + width);
            }
        }
    }
}
