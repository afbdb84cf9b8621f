package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.gradlab.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lab's live settings: a change recomputes at once, lands in the URL, and the URL reopens it. */
class LabSettingsIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    private void enter(String fieldId, String value) {
        Locator input = page.locator("#" + fieldId + " input");
        input.fill(value);
        input.press("Enter");
        waitForVaadin();
    }

    @Test
    void a_new_learning_rate_recomputes_the_table_lands_in_the_url_and_the_url_reopens_it() {
        open("/lab/gd-by-hand?strategies=zeroed,summed&step=3&code=summed");
        // η = 1: zeroed θ = 8, 7, 8; η = 0.5: θ = 10 − 0.5·2 = 9, 9 − 0.5·1 = 8.5, 8.5 + 0.5 = 9
        assertThat(page.locator("#table-zeroed")).not().containsText("8.5");
        enter("setting-lr", "0.5");
        assertThat(page.locator("#table-zeroed")).containsText("8.5");
        assertThat(page).hasURL(Pattern.compile(".*[?&]lr=0\\.5(&|$).*"));
        // the existing parameters as they were (Vaadin's QueryParameters decides their order, as before)
        assertThat(page).hasURL(Pattern.compile(".*[?&]strategies=zeroed(,|%2C)summed(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]step=3(&|$).*"));
        assertThat(page).hasURL(Pattern.compile(".*[?&]code=summed(&|$).*"));
        screenshot("lab-settings-desktop-en");

        String link = page.url();
        newContext("en-US", DESKTOP_WIDTH, 900);
        page.navigate(link);
        waitForVaadin();
        assertThat(page.locator("#setting-lr input")).hasValue("0.5");
        assertThat(page.locator("#table-zeroed")).containsText("8.5");
        assertThat(page.locator("#step-info")).containsText("Step 3 of 3");

        page.locator("#settings-reset").click();
        waitForVaadin();
        assertThat(page.locator("#setting-lr input")).hasValue("1");
        assertThat(page.locator("#table-zeroed")).not().containsText("8.5");
        assertThat(page).not().hasURL(Pattern.compile(".*[?&]lr=.*"));
    }

    @Test
    void epochs_beyond_the_limit_are_refused_in_the_field_and_a_hand_edited_link_gets_the_friendly_message() {
        open("/lab/gd-by-hand");
        enter("setting-epochs", "5000");
        // 3 batches per epoch and at most 10,000 batches per run: 3,333 epochs
        assertThat(page.locator("#setting-epochs")).hasAttribute("invalid", "");
        assertThat(page.locator("#setting-epochs")).containsText("3,333");
        assertThat(page).not().hasURL(Pattern.compile(".*[?&]epochs=.*"));
        enter("setting-epochs", "2");
        assertThat(page.locator("#step-info")).containsText("of 6");
        assertThat(page).hasURL(Pattern.compile(".*[?&]epochs=2(&|$).*"));

        open("/lab/gd-by-hand?epochs=5000");
        assertThat(page.locator("#lab-error")).containsText("epochs=5000");
        assertThat(page.locator("#lab-error")).containsText("3,333");
        assertThat(page.locator("#back-to-library")).isVisible();
        open("/lab/gd-by-hand?lr=fast");
        assertThat(page.locator("#lab-error")).containsText("fast");
    }

    @Test
    void a_manual_scenario_shows_no_batch_size_and_an_expression_scenario_does() {
        open("/lab/gd-by-hand");
        assertThat(page.locator("#setting-lr")).isVisible();
        assertThat(page.locator("#setting-batch")).hasCount(0);
        assertThat(page.locator("#setting-k")).hasCount(0);
        open("/lab/linear-regression-batches");
        assertThat(page.locator("#setting-batch input")).hasValue("2");
        assertThat(page.locator("#setting-k input")).hasValue("2");
        page.locator("#setting-optimizer").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Adam"))
                .click();
        waitForVaadin();
        assertThat(page.locator("#setting-beta1 input")).hasValue("0.9");
        assertThat(page.locator("#setting-momentum")).isHidden();
        assertThat(page).hasURL(Pattern.compile(".*[?&]optimizer=adam(&|$).*"));
    }

    @Test
    void on_a_phone_the_panel_is_folded_labelled_and_its_targets_are_44_px_in_both_languages() {
        for (String locale : new String[] {"en-US", "zh-TW"}) {
            newContext(locale, PHONE_WIDTH, 800);
            open("/lab/linear-regression-batches");
            Locator panel = page.locator("#lab-settings");
            assertThat(panel).not().hasAttribute("opened", "");
            Locator summary = panel.locator("vaadin-details-summary");
            assertThat(summary.boundingBox().height).isGreaterThanOrEqualTo(44);
            summary.click();
            waitForVaadin();
            assertThat(page.locator("#setting-lr input")).isVisible();
            for (String id : new String[] {"setting-lr", "setting-batch", "setting-epochs", "setting-optimizer"}) {
                Locator field = page.locator("#" + id);
                assertThat(field.locator("label").first()).not().isEmpty();
                assertThat(field.locator("[part=input-field]").boundingBox().height)
                        .as(id)
                        .isGreaterThanOrEqualTo(44);
            }
            assertThat(page.locator("#settings-reset").boundingBox().height).isGreaterThanOrEqualTo(44);
            assertThat(horizontalOverflow()).isZero();
            screenshot("lab-settings-phone-" + locale);
        }
    }
}
