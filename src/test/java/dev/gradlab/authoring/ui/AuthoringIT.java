package dev.gradlab.authoring.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's "done means", in the browser: an instructor writes a scenario in the form, sees the parser's problem at
 * the field and the line, fixes it in the YAML pane, previews, saves, makes it unlisted; a visitor opens the share
 * link at step 2 and sees the numbers; a second instructor can neither edit nor delete it (page and API).
 */
class AuthoringIT extends BrowserTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private final HttpClient http = HttpClient.newHttpClient();
    private String ann;
    private String bob;

    @BeforeEach
    void twoInstructors() throws Exception {
        ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        for (String user : new String[] {ann, bob}) {
            HttpResponse<String> r = api(
                    "POST",
                    "/api/users",
                    "admin",
                    ADMIN_PASSWORD,
                    "application/json",
                    null,
                    "{\"username\": \"" + user + "\", \"password\": \"" + user + "-secret\"}");
            assertThat(r.statusCode()).isEqualTo(201);
        }
    }

    private HttpResponse<String> api(
            String method, String path, String user, String password, String type, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(String user) {
        open("/login");
        page.locator("vaadin-login-form input[name=username]").fill(user);
        Locator password = page.locator("vaadin-login-form input[name=password]");
        password.fill(user + "-secret");
        password.press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
        waitForVaadin();
    }

    private static Locator input(Page page, String fieldId) {
        return page.locator("#" + fieldId + " input, #" + fieldId + " textarea").first();
    }

    private static Locator cell(Locator table, String text) {
        return table.locator("vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true));
    }

    private void choose(String selectId, String option) {
        page.locator("#" + selectId).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option))
                .click();
        waitForVaadin();
    }

    @Test
    void an_instructor_writes_fixes_previews_saves_and_shares_and_another_cannot_touch_it() throws Exception {
        signIn(ann);
        assertThat(page.locator("#account-nav")).containsText("My scenarios");
        open("/edit/new");
        assertThat(page.locator("#editor-status")).containsText("No problems");

        // Write in the form: a title and a loss with a name that is no parameter.
        input(page, "field-title-en").fill("Towards three");
        input(page, "field-loss").fill("(theta - v)^2");
        // The form regenerates the YAML: id, title (3 lines), kind, learningRate, strategies (3 lines), epochs,
        // params (2 lines), steps, loss: the loss is on line 14, and in "(theta - v)^2" the v is the 10th character.
        assertThat(page.locator("#editor-status"))
                .containsText("scenario.yaml: line 14, loss, position 10: unknown name 'v'");
        assertThat(page.locator("#field-loss")).hasAttribute("invalid", "");
        assertThat(page.locator("#field-loss")).containsText("position 10");
        assertThat(page.locator("#yaml .gradlab-gutter .error")).hasText("14");
        assertThat(page.locator("#editor-save")).isDisabled();
        screenshot("editor-error-en-desktop");

        // Fix it in the YAML pane; the form follows.
        Locator yaml = input(page, "yaml");
        String text = yaml.inputValue();
        assertThat(text).contains("title:\n  en: Towards three\n");
        yaml.fill(text.replace("(theta - v)^2", "(theta - 3)^2"));
        assertThat(page.locator("#editor-status")).containsText("No problems");
        assertThat(input(page, "field-loss")).hasValue("(theta - 3)^2");
        assertThat(page.locator("#field-loss")).not().hasAttribute("invalid", "");

        // Preview: θ0 = 10, loss (θ − 3)², so dL/dθ = 2(θ − 3); lr 0.1, three steps.
        //   zeroed: .grad 14 → θ = 10 − 1.4 = 8.6; .grad 2·5.6 = 11.2 → θ = 8.6 − 1.12 = 7.48
        //   summed: .grad 14 → θ = 8.6; .grad 14 + 11.2 = 25.2 → θ = 8.6 − 2.52 = 6.08
        Locator preview = page.locator("#preview");
        assertThat(preview.locator("h2")).hasText("Towards three");
        assertThat(cell(preview.locator("#table-zeroed"), "7.48")).isVisible();
        assertThat(cell(preview.locator("#table-summed"), "6.08")).isVisible();

        // Save (private), then make it unlisted on My scenarios.
        page.locator("#editor-save").click();
        assertThat(page.locator("#editor-status")).containsText("Saved");
        assertThat(page).hasURL(Pattern.compile(".*/edit/[a-z2-7]{10}$"));
        String slug = page.url().replaceAll(".*/edit/", "");
        // the heading and the tab name leave "New scenario" for the saved title, and say the same after a reload
        assertThat(page.locator("h1")).hasText("Edit: Towards three");
        assertThat(page).hasTitle("Edit: Towards three · GradLab");
        open("/edit/" + slug);
        assertThat(page.locator("h1")).hasText("Edit: Towards three");
        assertThat(input(page, "share-link")).hasValue(Pattern.compile(".*/s/" + slug));
        assertThat(page.locator("svg.gradlab-qr"))
                .hasAttribute("aria-label", Pattern.compile("QR code of .*/s/" + slug));
        screenshot("editor-saved-en-desktop");
        page.setViewportSize(PHONE_WIDTH, 800);
        screenshot("editor-saved-en-phone");
        assertThat(horizontalOverflow()).isZero();
        page.setViewportSize(DESKTOP_WIDTH, 900);

        String annPage = page.url();
        newContext("en-US", DESKTOP_WIDTH, 900);
        open("/s/" + slug + "?step=2");
        assertThat(page.locator("#lab-error")).isVisible(); // still private: not found for a visitor

        newContext("en-US", DESKTOP_WIDTH, 900);
        signIn(ann);
        open("/my");
        assertThat(page.locator("#my-" + slug)).containsText("Towards three");
        choose("visibility-" + slug, "Unlisted (anyone with the link)");
        assertThat(page.locator("#my-status")).containsText("Visibility changed");
        screenshot("my-scenarios-en-desktop");
        assertThat(annPage).contains(slug);

        // A visitor, without signing in, opens the share link at step 2.
        newContext("en-US", DESKTOP_WIDTH, 900);
        open("/s/" + slug + "?step=2");
        assertThat(page.locator("h1")).hasText("Towards three");
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        assertThat(cell(page.locator("#table-zeroed"), "7.48")).isVisible();
        assertThat(cell(page.locator("#table-summed"), "6.08")).isVisible();
        assertThat(page.locator("#account-nav")).containsText("Sign in");
        open("/s/" + slug + "?step=2&embed=true");
        assertThat(page.locator("#language-select")).isHidden();
        assertThat(page.locator("#step-info")).containsText("Step 2 of 3");
        screenshot("shared-embed-en-desktop");

        // A second instructor can neither edit nor delete it: the page refuses, and so does the API.
        newContext("en-US", DESKTOP_WIDTH, 900);
        signIn(bob);
        open("/edit/" + slug);
        assertThat(page.locator("#editor-error")).containsText("This scenario is not yours to change");
        assertThat(page.locator("#editor-save")).hasCount(0);
        open("/my");
        assertThat(page.locator("#my-" + slug)).hasCount(0);
        assertThat(page.locator("#delete-" + slug)).hasCount(0);
        HttpResponse<String> put = api(
                "PUT",
                "/api/scenarios/" + slug,
                bob,
                bob + "-secret",
                "application/yaml",
                "1",
                "id: x\ntitle: x\nkind: manual\nlearningRate: 1\nparams: {t: 1}\ngradients: [{t: 1}]\n");
        assertThat(put.statusCode()).isEqualTo(403);
        HttpResponse<String> delete = api("DELETE", "/api/scenarios/" + slug, bob, bob + "-secret", null, "1", null);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(delete.body()).contains("belongs to another user");
        HttpResponse<String> still = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/scenarios/" + slug)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(still.body()).contains("(theta - 3)^2");
    }

    @Test
    void the_editor_and_my_scenarios_in_chinese_on_a_phone() {
        newContext("zh-TW", PHONE_WIDTH, 800);
        signIn(ann);
        open("/edit/new");
        assertThat(page.locator("h1")).hasText("新增情境");
        assertThat(page.locator("#editor-status")).containsText("沒有問題");
        assertThat(horizontalOverflow()).isZero();
        screenshot("editor-new-zh-TW-phone");
        newContext("zh-TW", DESKTOP_WIDTH, 900);
        signIn(ann);
        open("/edit/new");
        screenshot("editor-new-zh-TW-desktop");
        open("/my");
        assertThat(page.locator("h1")).hasText("我的情境");
        screenshot("my-scenarios-zh-TW-desktop");
    }
}
