package dev.gradlab.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.ConsoleMessage;
import dev.gradlab.BrowserTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pages work under the Content-Security-Policy: Chromium reports every blocked script, style, image, font or
 * connection on the console ("Refused to …  because it violates the following Content Security Policy directive")
 * and fires {@code securitypolicyviolation}; neither may happen. Development mode with the dev tools on (unlike the
 * other browser tests), so the live-reload socket is tried too.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=true", "vaadin.launch-browser=false"})
class ContentSecurityPolicyIT extends BrowserTest {

    private final List<String> violations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        page.onConsoleMessage(this::record);
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
    }

    private void record(ConsoleMessage message) {
        String text = message.text();
        if (text.contains("Content Security Policy") || text.startsWith("CSP violation")) {
            violations.add(text);
        }
    }

    @Test
    void a_lab_page_with_its_charts_and_graph_loads_without_a_csp_violation() {
        open("/lab/gd-by-hand?step=2");
        assertThat(page.locator("gradlab-apex-chart .apexcharts-canvas").first())
                .isVisible();
        assertThat(page.locator("svg").first()).isAttached();
        page.waitForTimeout(1500); // late chart renders and the dev tools' socket
        screenshot("csp-lab");
        assertThat(violations).isEmpty();
    }

    @Test
    void the_zero_grad_lesson_with_katex_formulas_and_charts_loads_without_a_csp_violation() {
        open("/lessons/zero-grad");
        assertThat(page.locator(".katex").first()).isVisible();
        assertThat(page.locator("gradlab-apex-chart .apexcharts-canvas").first())
                .isVisible();
        page.waitForTimeout(1500);
        screenshot("csp-lesson");
        assertThat(violations).isEmpty();
    }

    @Test
    void a_violation_would_be_seen_by_this_test() {
        open("/");
        page.evaluate("() => { const s = document.createElement('script');"
                + " s.src = 'https://example.invalid/x.js'; document.head.appendChild(s); }");
        page.waitForTimeout(500);
        assertThat(violations).isNotEmpty();
    }
}
