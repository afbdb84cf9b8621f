package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.gradlab.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The zero_grad lesson as a student clicks through it. Expected numbers are worked out by hand in the comments. */
class ZeroGradLessonIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    private void clickBackward() {
        page.locator("#backward-button").click();
        waitForVaadin();
    }

    @Test
    void backward_adds_into_grad_until_zero_grad_is_switched_on() {
        open("/lessons/zero-grad");
        // x = [1, 2, 3], y = sum(x²): each backward() adds 2x = [2, 4, 6]
        clickBackward();
        clickBackward();
        clickBackward();
        assertThat(page.locator("#grad-row-1")).containsText("[2, 4, 6]");
        assertThat(page.locator("#grad-row-2")).containsText("[4, 8, 12]");
        assertThat(page.locator("#grad-row-3")).containsText("[6, 12, 18]");

        page.locator("#zero-first").click();
        waitForVaadin();
        assertThat(page.locator("#part-backward pre")).containsText("optimizer.zero_grad()");
        clickBackward();
        clickBackward();
        assertThat(page.locator("#grad-row-4")).containsText("[2, 4, 6]");
        assertThat(page.locator("#grad-row-5")).containsText("[2, 4, 6]");

        page.locator("#reset-demo").click();
        waitForVaadin();
        assertThat(page.locator("#grad-row-1")).hasCount(0);
    }

    @Test
    void the_hand_worked_example_shows_theta_after_each_step_for_each_strategy() {
        open("/lessons/zero-grad");
        // θ = 10, η = 1, gradients 2, 1, −1. summed: 10 − 2 = 8, 8 − (2 + 1) = 5, 5 − 2 = 3
        assertThat(page.locator("#hand-summed-2")).hasText("5");
        assertThat(page.locator("#hand-summed-3")).hasText("3");
        // zeroed: 8, 7, 8; averaged: 8, 8 − 3/2 = 6.5
        assertThat(page.locator("#hand-zeroed-3")).hasText("8");
        assertThat(page.locator("#hand-averaged-2")).hasText("6.5");
        Locator formula = page.locator("#hand-summed-formula-2");
        assertThat(formula.locator(".katex")).isVisible();
        assertThat(formula.locator(".katex-mathml")).containsText("8");
    }

    @Test
    void the_four_strategies_are_compared_in_tables_and_drawn_charts_with_the_divergence_marked() {
        open("/lessons/zero-grad");
        Locator section = page.locator("#part-side-by-side");
        assertThat(section.locator("vaadin-grid.gradlab-step-table")).hasCount(4);
        Locator charts = section.locator("gradlab-apex-chart");
        assertThat(charts.first()
                        .locator(".apexcharts-series path.apexcharts-line")
                        .first())
                .isVisible();
        assertThat(charts.first().locator(".apexcharts-xaxis-annotations")).containsText("first difference");
        assertThat(page.locator("#divergence")).containsText("step");
        assertThat(charts.first().boundingBox().height).isGreaterThan(150);
        screenshot("lesson-en-desktop");
        page.locator("#theme-toggle").click();
        waitForVaadin();
        clickBackward();
        screenshot("lesson-en-dark-desktop");
    }

    @Test
    void on_a_phone_the_lesson_fits_the_width_and_reads_in_chinese() {
        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lessons/zero-grad");
        assertThat(page.locator("h1")).containsText("zero_grad()");
        assertThat(page.locator("#backward-button")).containsText("呼叫");
        clickBackward();
        assertThat(page.locator("#grad-row-1")).containsText("[2, 4, 6]");
        assertThat(page.locator("#part-side-by-side gradlab-apex-chart")
                        .first()
                        .locator(".apexcharts-series path.apexcharts-line")
                        .first())
                .isVisible();
        assertThat(horizontalOverflow()).isZero();
        screenshot("lesson-zh-TW-phone");
    }

    @Test
    void the_home_page_leads_into_the_lesson() {
        open("/");
        assertThat(page.locator("#start-lesson")).isVisible();
        screenshot("home-views-en-desktop");
        page.locator("#start-lesson").click();
        waitForVaadin();
        assertThat(page.locator("#backward-button")).isVisible();
        newContext("en-US", PHONE_WIDTH, 800);
        open("/");
        assertThat(horizontalOverflow()).isZero();
        screenshot("home-views-en-phone");
    }
}
