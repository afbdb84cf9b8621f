package dev.gradlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core (from the {@code org.webjars.npm:axe-core} test dependency, injected into each page) on every page, in
 * both languages, at desktop and phone width, in the light and the dark theme: no critical or serious violation.
 */
class AccessibilityIT extends BrowserTest {

    private static final List<String> PAGES =
            List.of("/", "/lessons/zero-grad", "/lessons/no-grad", "/library", "/lab/gd-by-hand", "/lab/spiral-mlp");

    /**
     * The other pages a visitor reaches without signing in: the not-found page, sign-in, joining a class (with and
     * without a code that names no class), the image model and the Lab without a scenario (the picker).
     */
    private static final List<String> MORE_PAGES =
            List.of("/no-such-page", "/login", "/join", "/join/ABCDEF", "/lab/fashion-mnist-mlp", "/lab");

    private List<String> checkBothThemes(String path, String language, int width) {
        List<String> problems = new ArrayList<>();
        String where = path + " " + language + " " + width + "px";
        problems.addAll(seriousAxeViolations(where + " light"));
        page.locator("#theme-toggle").click();
        waitForVaadin();
        problems.addAll(seriousAxeViolations(where + " dark"));
        page.locator("#theme-toggle").click(); // the theme is remembered for the session
        waitForVaadin();
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-TW"})
    void no_page_has_a_critical_or_serious_axe_violation_at_any_width_language_or_theme(String language) {
        assertThat(violations(PAGES, language)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-TW"})
    void no_other_public_page_has_a_critical_or_serious_axe_violation_either(String language) {
        assertThat(violations(MORE_PAGES, language)).isEmpty();
    }

    private List<String> violations(List<String> pages, String language) {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {DESKTOP_WIDTH, PHONE_WIDTH}) {
            newContext(language, width, 900);
            for (String path : pages) {
                open(path);
                problems.addAll(checkBothThemes(path, language, width));
            }
        }
        return problems;
    }

    @Test
    void the_layout_keeps_the_id_a_view_gives_itself_and_puts_the_view_inside_the_main_landmark() {
        open("/test/own-id");
        // the skip link's target is the layout's own wrapper; it once replaced the view's id with "main-content"
        assertThat(page.locator("main#main-content > #own-id").count()).isEqualTo(1);
        assertThat(page.locator("main, [role=main]").count()).isEqualTo(1);
    }

    @Test
    void every_page_has_a_main_landmark_and_a_skip_link_that_moves_focus_into_it() {
        for (String path : java.util.stream.Stream.concat(PAGES.stream(), MORE_PAGES.stream())
                .toList()) {
            open(path);
            assertThat(page.locator("main, [role=main]").count())
                    .as(path + ": main landmark")
                    .isEqualTo(1);
            // a page that puts focus on its first field on arrival (the sign-in form) has nothing to skip
            String inMainAlready = "() => { const m = document.querySelector('main, [role=main]');"
                    + " const a = document.activeElement;"
                    + " return !!m && !!a && a !== document.body && (m === a || m.contains(a)); }";
            if ((Boolean) page.evaluate(inMainAlready)) {
                assertThat(path).as("pages that focus a field on arrival").isEqualTo("/login");
                continue;
            }
            page.keyboard().press("Tab");
            String focused = (String) page.evaluate("() => document.activeElement && document.activeElement.id");
            assertThat(focused)
                    .as(path + ": the first Tab reaches the skip link")
                    .isEqualTo("skip-to-content");
            page.keyboard().press("Enter");
            Boolean inMain = (Boolean) page.evaluate("() => { const m = document.querySelector('main, [role=main]');"
                    + " return !!m && (m === document.activeElement || m.contains(document.activeElement)); }");
            assertThat(inMain)
                    .as(path + ": Enter on the skip link moves focus into main")
                    .isTrue();
        }
    }
}
