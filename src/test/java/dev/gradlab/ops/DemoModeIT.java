package dev.gradlab.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Demo mode inside an open page: a link followed in the page is a Vaadin navigation (a UIDL round trip on {@code /}),
 * which the demo's HTTP filter never sees, so the navigation itself must refuse the sign-in pages and what lies
 * behind them. {@link DemoModeTest} covers the same addresses asked over HTTP.
 */
@TestPropertySource(properties = "gradlab.demo=true")
class DemoModeIT extends BrowserTest {

    /** Follows an in-page link to {@code path} (as the side menu's links are followed) and waits for the server. */
    private void followLinkInThePage(String path) {
        page.evaluate(
                "p => { window.__samePage = true; const a = document.createElement('a'); a.href = p; a.id = 'demo-link';"
                        + " a.textContent = p; document.body.appendChild(a); a.click(); }",
                path);
        waitForVaadin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "account", "admin/users", "edit/new", "my", "classes", "classes/ABCDEF"})
    void a_link_inside_the_app_to_a_signed_in_page_shows_not_found(String path) {
        open("/library");
        followLinkInThePage(path);
        assertThat(page.locator("#not-found")).isVisible();
        assertThat(page.locator("vaadin-login-form, vaadin-login-overlay")).hasCount(0);
        // the page was not reloaded: this was the in-app navigation, not a request the HTTP filter answered
        assertThat((Boolean) page.evaluate("() => window.__samePage === true")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lessons/zero-grad", "lab/gd-by-hand", "join"})
    void public_pages_still_open_from_a_link_inside_the_app(String path) {
        open("/library");
        followLinkInThePage(path);
        assertThat(page.locator("#not-found")).hasCount(0);
        assertThat(page.locator("main :is(h1, h2)").first()).isVisible();
        assertThat((Boolean) page.evaluate("() => window.__samePage === true")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void the_menu_offers_no_sign_in_in_the_demo() {
        open("/");
        assertThat(page.locator("vaadin-side-nav-item[path='library']")).hasCount(1);
        assertThat(page.locator("vaadin-side-nav-item[path='login']")).hasCount(0);
    }
}
