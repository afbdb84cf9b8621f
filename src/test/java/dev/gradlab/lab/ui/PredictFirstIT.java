package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.gradlab.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lab's "predict first" mode on gd-by-hand: θ starts at 10, η = 1, the batches give the gradients 2, 1 and −1,
 * so under zeroed θ is 10 − 2 = 8 after step 1, 8 − 1 = 7 after step 2 and 7 + 1 = 8 after step 3.
 */
class PredictFirstIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    private static Locator cell(Locator table, String text) {
        return table.locator("vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true));
    }

    /** The rows a table holds now (a grid keeps hidden cells of removed rows in the page, so text is no proof). */
    private static int rows(Locator table) {
        return ((Number) table.locator("vaadin-grid").evaluate("g => g.size")).intValue();
    }

    private static Locator shown(Locator table, String text) {
        return cell(table, text).filter(new Locator.FilterOptions().setVisible(true));
    }

    private Locator guessField() {
        return page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Your prediction"));
    }

    private void forward() {
        page.locator("#step-forward").click();
        waitForVaadin();
    }

    @Test
    void a_step_stays_hidden_until_the_guess_is_checked_and_the_list_shows_guess_against_truth() {
        open("/lab/gd-by-hand?strategies=zeroed,summed");
        Locator zeroed = page.locator("#table-zeroed");
        assertThat(cell(zeroed, "▸1")).isVisible(); // without the mode, step 1 is shown at once
        assertThat(rows(zeroed)).isEqualTo(3);
        page.getByLabel("Predict first").check();
        waitForVaadin();
        assertThat(rows(zeroed)).isZero();
        assertThat(page).hasURL(Pattern.compile(".*[?&]predict=1(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]step=0(&|$).*"));
        assertThat(page.locator("#step-info")).containsText("Start");

        forward();
        assertThat(page.locator("#step-info")).containsText("Step 1 of 3");
        assertThat(page.locator("#predict-question")).containsText("Step 1");
        assertThat(page.locator("#predict-question")).containsText("theta");
        assertThat(page.locator("#predict-before")).containsText("theta = 10");
        // step 1 is not in the table yet: no row, no 8 shown
        assertThat(rows(zeroed)).isZero();
        assertThat(shown(zeroed, "8")).hasCount(0);
        assertThat(guessField()).isFocused();

        guessField().fill("8");
        guessField().press("Enter");
        waitForVaadin();
        assertThat(page.locator("#predict-result")).hasAttribute("aria-live", "polite");
        assertThat(page.locator("#predict-result")).containsText("Right");
        assertThat(page.locator("#predict-1-guess")).hasText("8");
        assertThat(page.locator("#predict-1-truth")).hasText("8");
        assertThat(page.locator("#predict-1-result")).containsText("right");
        assertThat(rows(zeroed)).isEqualTo(1);
        assertThat(cell(zeroed, "▸1")).isVisible();
        assertThat(shown(zeroed, "8").first()).isVisible();
        assertThat(page.locator("#step-forward")).isFocused();
        assertThat(page).hasURL(Pattern.compile(".*[?&]step=1(&|$).*"));

        // step 2 under zeroed is 8 − 1 = 7: a guess of 6 is wrong, off by 1
        forward();
        assertThat(rows(zeroed)).isEqualTo(1);
        assertThat(shown(zeroed, "▸2")).hasCount(0);
        assertThat(shown(zeroed, "7")).hasCount(0);
        guessField().fill("6");
        page.locator("#predict-check").click();
        waitForVaadin();
        assertThat(page.locator("#predict-result")).containsText("off by 1");
        assertThat(page.locator("#predict-2-guess")).hasText("6");
        assertThat(page.locator("#predict-2-truth")).hasText("7");
        assertThat(page.locator("#predict-2-result")).containsText("✗");
        assertThat(rows(zeroed)).isEqualTo(2);
        assertThat(cell(zeroed, "▸2")).isVisible();
        assertThat(page.locator("#predict-1-result")).containsText("right"); // the list keeps the session

        // Skip reveals step 3 without a guess: θ = 7 + 1 = 8
        forward();
        assertThat(rows(zeroed)).isEqualTo(2);
        page.locator("#predict-skip").click();
        waitForVaadin();
        assertThat(rows(zeroed)).isEqualTo(3);
        assertThat(cell(zeroed, "▸3")).isVisible();
        assertThat(page.locator("#predict-3-guess")).hasText("—");
        assertThat(page.locator("#predict-3-truth")).hasText("8");
        assertThat(page.locator("#predict-3-result")).hasText("skipped");
        assertThat(page.locator("#predict-hint")).containsText("Every step is revealed");
        screenshot("predict-en-desktop");
    }

    @Test
    void an_empty_guess_gets_a_message_and_the_grad_of_summed_can_be_predicted() {
        open("/lab/gd-by-hand?predict=1&step=1");
        // a link with predict=1&step=1 opens with step 1 to predict
        assertThat(page.locator("#predict-question")).containsText("Step 1");
        page.locator("#predict-check").click();
        waitForVaadin();
        assertThat(page.locator("#predict-guess")).hasAttribute("invalid", "");
        assertThat(page.locator("#predict-guess")).containsText("Type a number");
        page.locator("#predict-skip").click();
        waitForVaadin();

        page.locator("#predict-choose").click();
        page.locator("#predict-strategy").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("summed")))
                .click();
        page.locator("#predict-quantity").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("grad")))
                .click();
        waitForVaadin();
        forward();
        // summed never zeroes: theta.grad after step 2's backward is 2 + 1 = 3
        assertThat(page.locator("#predict-question")).containsText("theta.grad");
        guessField().fill("3");
        guessField().press("Enter");
        waitForVaadin();
        assertThat(page.locator("#predict-2-value")).hasText("theta.grad");
        assertThat(page.locator("#predict-2-truth")).hasText("3");
        assertThat(page.locator("#predict-2-result")).containsText("right");
    }

    @Test
    void on_a_phone_in_chinese_the_mode_fits_and_its_targets_are_44_px() {
        newContext("zh-TW", PHONE_WIDTH, 740);
        open("/lab/gd-by-hand?predict=1&step=0");
        assertThat(page.locator("#predict-toggle")).containsText("先預測再看");
        // a student scrolled down to the charts steps forward: the question comes into view below the controls
        page.evaluate(
                "() => { const c = document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[content]');"
                        + " c.scrollTop = c.scrollHeight; }");
        page.waitForTimeout(300);
        forward();
        page.waitForTimeout(500);
        BoundingBox controls = page.locator(".gradlab-step-controls").boundingBox();
        BoundingBox field = page.locator("#predict-guess input").boundingBox();
        assertThat(field.y)
                .as("the field below the sticky controls")
                .isGreaterThanOrEqualTo(controls.y + controls.height);
        assertThat(field.y + field.height).as("the field within the window").isLessThanOrEqualTo(740);
        assertThat(page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("你的預測")))
                .isVisible();
        for (String id : List.of("predict-toggle", "predict-check", "predict-skip", "predict-guess")) {
            BoundingBox box = page.locator("#" + id).boundingBox();
            assertThat(box.height).as(id + " height").isGreaterThanOrEqualTo(44);
            assertThat(box.width).as(id + " width").isGreaterThanOrEqualTo(44);
        }
        assertThat(horizontalOverflow()).isZero();
        page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("你的預測"))
                .fill("8");
        page.locator("#predict-check").click();
        waitForVaadin();
        assertThat(page.locator("#predict-result")).containsText("答對了");
        assertThat(horizontalOverflow()).isZero();
        screenshot("predict-zh-TW-phone");
    }

    @Test
    void switching_language_keeps_the_mode_what_was_revealed_and_the_guesses() {
        open("/lab/gd-by-hand?predict=1");
        forward();
        guessField().fill("8");
        guessField().press("Enter");
        waitForVaadin();
        forward(); // step 2 waits for a prediction
        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(page.locator("#predict-toggle input")).isChecked();
        assertThat(page.locator("#predict-question")).containsText("第 2 步");
        assertThat(page.locator("#predict-1-result")).containsText("答對");
        assertThat(rows(page.locator("#table-zeroed"))).isEqualTo(1);
    }

    @Test
    void axe_finds_nothing_serious_with_a_question_and_a_wrong_guess_in_light_and_dark() {
        open("/lab/gd-by-hand?predict=1&step=1");
        guessField().fill("7");
        guessField().press("Enter");
        waitForVaadin();
        forward();
        assertThat(page.locator("#predict-1-result")).containsText("✗");
        List<String> problems = new ArrayList<>(seriousAxeViolations("light"));
        page.locator("#theme-toggle").click();
        waitForVaadin();
        problems.addAll(seriousAxeViolations("dark"));
        assertThat(problems).isEmpty();
    }
}
