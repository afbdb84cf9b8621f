package dev.gradlab.classroom.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gradlab.BrowserTest;
import dev.gradlab.account.Accounts;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A live class end to end: an instructor starts a class of gd-by-hand, two students join on phones (one in zh-TW),
 * both answer a number question, the tally shows 2 of 2 before the reveal, the reveal reaches both, the instructor's
 * step reaches both by push, and a reload keeps a student in the class. The expected value is worked out by hand: under
 * zeroed θ goes 10 → 10 − 1 · 2 = 8 after step 1.
 */
class ClassroomIT extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Test
    void an_instructor_runs_a_class_that_two_phones_follow() {
        String user = "teach-" + UUID.randomUUID().toString().substring(0, 6);
        // creating an account is the admin's (method security): act as the admin for this one call
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                        "admin", "", "ROLE_ADMIN"));
        try {
            accounts.createInstructor(user, "teacher-password");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        Page teacher = page;
        open("/login");
        teacher.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Username"))
                .fill(user);
        teacher.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password"))
                .fill("teacher-password");
        teacher.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        teacher.waitForURL(u -> !u.contains("/login"));
        open("/classes");
        teacher.getByLabel("Scenario").fill("Gradient descent by hand");
        teacher.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Gradient descent by hand"))
                .click();
        teacher.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a class"))
                .click();
        teacher.waitForURL(Pattern.compile(".*/classes/[A-Z2-9]{6}$"));
        String code = teacher.url().substring(teacher.url().length() - 6);
        assertThat(teacher.locator("#dashboard-code")).containsText(code);

        Browser browser = context.browser();
        BrowserContext adaContext = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-US").setViewportSize(PHONE_WIDTH, 800));
        BrowserContext meiContext = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(PHONE_WIDTH, 800));
        try {
            Page ada = adaContext.newPage();
            ada.navigate(url("/join/" + code));
            assertThat(ada.getByLabel("Class code")).hasValue(code);
            ada.getByLabel("Nickname").fill("Ada");
            ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join"))
                    .click();
            assertThat(ada.locator("#class-step")).hasText("Step 0 of 3");

            Page mei = meiContext.newPage();
            mei.navigate(url("/join"));
            mei.getByLabel("課堂代碼").fill(code.toLowerCase(java.util.Locale.ROOT));
            mei.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加入"))
                    .click();
            assertThat(mei.locator("#class-step")).hasText("第 0 步，共 3 步");
            assertThat(teacher.locator("#dashboard-students")).hasText("Students joined: 2");

            // the form's defaults: after step 1, zeroed, theta, index 0
            teacher.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for this number"))
                    .click();
            // Mei starts typing first; Ada's answer must not rebuild Mei's page and wipe what she typed (it did)
            mei.getByLabel("你的預測").fill("9");
            ada.getByLabel("Your prediction").fill("8");
            ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                    .click();
            assertThat(ada.getByText("Your answer: 8. Wait for the reveal.")).isVisible();
            assertThat(teacher.getByText("Answered 1 of 2")).isVisible();
            assertThat(mei.getByLabel("你的預測")).hasValue("9");
            mei.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送出"))
                    .click();
            assertThat(teacher.getByText("Answered 2 of 2")).isVisible();
            assertThat(ada.getByText("The answer: 8")).hasCount(0);
            // the charts hold the asked step back as the tables do: θ is 10 at step 0, and step 1's 8 is not there yet
            assertThat(chartTable(ada)).containsText("10");
            assertThat(chartTable(ada)).not().containsText("8");
            screenshot("classroom-dashboard-before-reveal");

            teacher.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal"))
                    .click();
            assertThat(ada.getByText("The answer: 8")).isVisible();
            assertThat(ada.getByText("Your answer: 8. You were right.")).isVisible();
            assertThat(mei.getByText("答案：8")).isVisible();
            assertThat(mei.getByText("你的答案：9。 這次沒答對。")).isVisible();
            assertThat(teacher.getByText("1 of 2 right")).isVisible();

            teacher.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next step"))
                    .click();
            assertThat(ada.locator("#class-step")).hasText("Step 1 of 3");
            assertThat(mei.locator("#class-step")).hasText("第 1 步，共 3 步");
            assertThat(ada.locator("#class-table-zeroed")).containsText("8");
            assertThat(chartTable(ada)).containsText("8");

            ada.reload();
            assertThat(ada.locator("#class-step")).hasText("Step 1 of 3");
            assertThat(ada).hasURL(Pattern.compile(".*/class/" + code + "$"));
            shot(ada, "classroom-student-phone-en");
            shot(mei, "classroom-student-phone-zh-tw");
            screenshot("classroom-dashboard-after-reveal");
        } finally {
            adaContext.close();
            meiContext.close();
        }
    }

    /** The first chart's table equivalent on a student's page, opened. */
    private static Locator chartTable(Page p) {
        Locator charts = p.locator("#class-charts");
        charts.getByText("Show the numbers as a table").first().click();
        return charts.locator("vaadin-grid").first();
    }

    private static void shot(Page p, String name) {
        p.waitForTimeout(500);
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
