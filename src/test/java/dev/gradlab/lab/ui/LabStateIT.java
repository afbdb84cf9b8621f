package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole Lab view state in the URL: strategies, step and the strategy of the code and graph panel. */
class LabStateIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    @Test
    void a_link_with_code_reopens_the_code_panel_on_that_strategy_and_stepping_keeps_it_in_the_url() {
        open("/lab/gd-by-hand?strategies=zeroed,summed&step=2&code=summed");
        assertThat(page.locator("#focus-strategy")).containsText("summed");
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        page.locator("#step-forward").click();
        waitForVaadin();
        assertThat(page).hasURL(Pattern.compile(".*[?&]step=3(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]code=summed(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]strategies=zeroed(,|%2C)summed(&|$).*"));
    }

    @Test
    void a_code_strategy_that_is_not_shown_gets_a_friendly_message() {
        open("/lab/gd-by-hand?strategies=zeroed&code=summed");
        assertThat(page.locator("#lab-error")).containsText("summed");
        assertThat(page.locator("#back-to-library")).isVisible();
    }

    @Test
    void the_lab_without_a_scenario_opens_the_library_to_pick_one_and_a_model_page_shows_its_data_set() {
        open("/lab");
        assertThat(page).hasURL(Pattern.compile(".*/library$"));
        assertThat(page.locator("#scenario-gd-by-hand")).isVisible();
        assertThat(page.locator("#step-info")).hasCount(0);

        open("/lab/xor-mlp");
        // 400 points, a quarter kept for testing: 300 filled training marks and 100 hollow test marks (class 0 as
        // circles, class 1 as squares)
        assertThat(page.locator("#dataset-points svg")).hasAttribute("aria-label", Pattern.compile(".*300.*100.*"));
        assertThat(page.locator("#dataset-points svg circle, #dataset-points svg rect"))
                .hasCount(400);
        assertThat(page.locator("#dataset-points svg [fill='none']")).hasCount(100);
    }

    @Test
    void switching_language_keeps_the_step_and_the_code_strategy() {
        open("/lab/gd-by-hand?strategies=zeroed,summed&step=2&code=summed");
        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(page.locator("#step-field input")).hasValue("2");
        assertThat(page).hasURL(Pattern.compile(".*[?&]step=2(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]code=summed(&|$).*"));
    }

    @Test
    void a_model_pages_chosen_strategies_and_epochs_go_in_the_url_and_a_reload_or_a_shared_link_restores_them() {
        open("/lab/xor-mlp"); // its file: strategies zeroed, summed, averaged, accumulate-4 and 20 epochs
        Locator summed = page.locator("#training-strategies vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText("summed"));
        assertThat(summed.locator("input")).isChecked();
        assertThat(page.locator("#training-epochs input")).hasValue("20");
        summed.locator("input").click();
        waitForVaadin();
        page.locator("#training-epochs input").fill("5");
        page.locator("#training-epochs input").press("Tab");
        waitForVaadin();
        assertThat(page).hasURL(Pattern.compile(".*[?&]strategies=zeroed(,|%2C)averaged(,|%2C)accumulate-4(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]train-epochs=5(&|$).*"));

        page.reload();
        waitForVaadin();
        assertThat(summed.locator("input")).not().isChecked();
        assertThat(page.locator("#training-strategies vaadin-checkbox")
                        .filter(new Locator.FilterOptions().setHasText("averaged"))
                        .locator("input"))
                .isChecked();
        assertThat(page.locator("#training-epochs input")).hasValue("5");

        // a language switch rebuilds the view: the choices stay
        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(summed.locator("input")).not().isChecked();
        assertThat(page.locator("#training-epochs input")).hasValue("5");
        assertThat(page).hasURL(Pattern.compile(".*[?&]train-epochs=5(&|$).*"));

        String link = page.url();
        newContext("en-US", DESKTOP_WIDTH, 900); // another browser: only the link carries the state
        page.navigate(link);
        waitForVaadin();
        assertThat(page.locator("#training-strategies vaadin-checkbox")
                        .filter(new Locator.FilterOptions().setHasText("summed"))
                        .locator("input"))
                .not()
                .isChecked();
        assertThat(page.locator("#training-epochs input")).hasValue("5");

        open("/lab/xor-mlp?train-epochs=21");
        assertThat(page.locator("#lab-error")).containsText("1 to 20");
    }
}
