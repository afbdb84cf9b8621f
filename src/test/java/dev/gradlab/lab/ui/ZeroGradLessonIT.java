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
    void mixing_modes_marks_the_zeroed_call_prints_what_the_code_would_and_survives_a_language_switch() {
        open("/lessons/zero-grad");
        clickBackward();
        clickBackward(); // x.grad = [4, 8, 12]
        Locator code = page.locator("#backward-code");
        assertThat(code).containsText("# tensor([6., 12., 18.], dtype=torch.float64)"); // the next click adds 2x
        page.locator("#zero-first").click();
        waitForVaadin();
        // the code now sets x.grad = None first, so the next click prints 2x alone
        assertThat(code).containsText("x.grad = None");
        assertThat(code).containsText("# tensor([2., 4., 6.], dtype=torch.float64)");
        clickBackward(); // call 3: None, then [2, 4, 6]
        assertThat(page.locator("#grad-row-3")).hasClass(Pattern.compile(".*\\bzeroed\\b.*"));
        assertThat(page.locator("#grad-row-3")).containsText("zero_grad() first");
        assertThat(page.locator("#grad-row-2")).not().containsText("zero_grad()");
        page.locator("#zero-first").click();
        waitForVaadin();
        assertThat(code).not().containsText("x.grad = None");
        assertThat(code).containsText("# tensor([4., 8., 12.], dtype=torch.float64)");
        clickBackward(); // call 4 adds into call 3's gradient: two calls since the zero_grad, not four
        assertThat(page.locator("#grad-row-4")).containsText("[4, 8, 12]");
        assertThat(page.locator("#grad-explanation")).containsText("2 × 2x = [4, 8, 12]");
        assertThat(page.locator("#grad-explanation")).containsText("before call 3");

        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(page.locator("#grad-row-1")).containsText("[2, 4, 6]");
        assertThat(page.locator("#grad-row-3")).containsText("先 zero_grad()");
        assertThat(page.locator("#grad-row-4")).containsText("[4, 8, 12]");
        assertThat(page.locator("#grad-explanation")).containsText("第 3 次");
        assertThat(page.locator("#zero-first input")).not().isChecked();
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

    @Test
    void at_desktop_width_the_averaged_step_3_formula_fits_its_card_and_shows_5_8333() {
        open("/lessons/zero-grad"); // 1280 px wide
        // θ = 10, η = 1, gradients 2, 1, −1; averaged: 8, 6.5, then 6.5 − (2 + 1 − 1)/3 = 6.5 − 0.6667 = 5.8333
        Locator formula = page.locator("#hand-averaged-formula-3");
        assertThat(formula.locator(".katex-html")).isVisible();
        assertThat(formula.locator(".katex-html")).containsText("5.8333");
        // nothing of the line is scrolled out of sight inside the formula, and the formula stays inside its card
        Number hidden = (Number) formula.evaluate("f => f.scrollWidth - f.clientWidth");
        assertThat(hidden.intValue())
                .as("pixels of the formula scrolled out of view")
                .isLessThanOrEqualTo(0);
        var card = page.locator("#hand-averaged").boundingBox();
        var line = formula.locator(".katex-html").boundingBox();
        assertThat(line.x + line.width).isLessThanOrEqualTo(card.x + card.width);
        assertThat(line.x).isGreaterThanOrEqualTo(card.x);
    }
}
