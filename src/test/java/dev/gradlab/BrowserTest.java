package dev.gradlab;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for browser tests ({@code *IT}, run by failsafe in {@code mvn verify}): starts the app on a random port and
 * drives Debian's Chromium ({@code /usr/bin/chromium}) with Playwright; Playwright's own browser download cannot work
 * here. Each test gets a fresh browser context (English, 1280×900) in {@link #page}; screenshots go to
 * {@code target/screenshots/}. Without Chromium the tests are skipped with one line saying how to enable them
 * ({@link ChromiumCondition}), before the app is started.
 */
@ExtendWith(ChromiumCondition.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "vaadin.launch-browser=false"})
public abstract class BrowserTest {

    public static final int DESKTOP_WIDTH = 1280;
    public static final int PHONE_WIDTH = 375;
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            // Without these Chromium stalls on this machine's closed network.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        // A stale dev bundle is rebuilt on first request (about a minute): wait for that rather than fail.
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launchChromium(playwright);
    }

    /** Debian's Chromium, headless, with the flags this machine's closed network needs. */
    public static Browser launchChromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(ChromiumCondition.CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        newContext("en-US", DESKTOP_WIDTH, 900);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** Replaces the browser context: a new session with this Accept-Language (e.g. "zh-TW") and window size. */
    protected void newContext(String locale, int width, int height) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Navigates and waits until Vaadin has rendered the view and has no server round trip pending. */
    protected Page open(String path) {
        page.navigate(url(path));
        waitForVaadin();
        return page;
    }

    protected void waitForVaadin() {
        page.waitForFunction("() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** JS: the element that scrolls the view (AppLayout scrolls its content part, not the document). */
    private static final String SCROLLER = "(() => { const al = document.querySelector('vaadin-app-layout');"
            + " return (al && al.shadowRoot && al.shadowRoot.querySelector('[content]')) || document.documentElement; })()";

    /**
     * Saves a screenshot of the whole view as {@code target/screenshots/<name>.png}: the window is stretched to the
     * view's full height for the shot (a plain full-page shot would stop at AppLayout's scrolling content box).
     */
    protected Path screenshot(String name) {
        waitForVaadin();
        var size = page.viewportSize();
        int full = ((Number) page.evaluate("() => { const c = " + SCROLLER + ";"
                        + " return Math.ceil(c.scrollHeight + c.getBoundingClientRect().top); }"))
                .intValue();
        if (full > size.height) {
            page.setViewportSize(size.width, full);
        }
        page.waitForTimeout(1_000); // charts redraw (animated) after a resize or an update
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        page.setViewportSize(size.width, size.height);
        return file;
    }

    /** axe-core, from the {@code org.webjars.npm:axe-core} test dependency. */
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /**
     * Runs axe-core on the current page and returns one line per critical or serious violation (rule, node, summary,
     * related nodes), each prefixed with {@code where}. It first waits for Vaadin's round trip, for charts and KaTeX to
     * draw, and for every finite CSS transition and animation to end: right after a theme switch Lumo's labels are
     * still fading from the light colours, and axe would measure a contrast that no reader ever sees.
     */
    @SuppressWarnings("unchecked")
    protected List<String> seriousAxeViolations(String where) {
        waitForVaadin();
        page.waitForTimeout(500);
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || !isFinite(a.effect && a.effect.getComputedTiming().endTime))");
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            try (InputStream in = BrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
                page.addScriptTag(new Page.AddScriptTagOptions()
                        .setContent(new String(
                                Objects.requireNonNull(in, AXE + " not on the test class path")
                                        .readAllBytes(),
                                StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> found = (List<String>) page.evaluate("async () => {"
                // The one known finding left: axe 4.6 does not accept vaadin-grid's body cells as children of its
                // shadow-DOM table; every other rule, and this rule elsewhere, counts. A node inside a shadow root is
                // targeted as [[host selector, selector inside it]].
                + " const vaadinGridRows = (v, n) => { const t = Array.isArray(n.target[0]) ? n.target[0] : n.target;"
                + "   return v.id === 'aria-required-children' && t.length === 2"
                + "     && String(t[0]).startsWith('vaadin-grid') && t[1] === '#table'; };"
                + " const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')"
                + "   .flatMap(v => v.nodes.filter(n => !vaadinGridRows(v, n)).slice(0, 3).map(n => v.id + ' [' + v.impact + '] '"
                + "     + JSON.stringify(n.target) + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)"
                + "     + ' related: ' + JSON.stringify([...n.any, ...n.all, ...n.none].flatMap(c => c.relatedNodes || [])"
                + "       .slice(0, 3).map(r => r.html.slice(0, 120)))));"
                + "}");
        return found.stream().map(f -> where + " " + f).toList();
    }

    /** How many pixels the view is wider than the window (0 when nothing overflows sideways). */
    protected int horizontalOverflow() {
        return ((Number) page.evaluate("() => { const c = " + SCROLLER + "; const d = document.documentElement;"
                        + " return Math.max(0, c.scrollWidth - c.clientWidth, d.scrollWidth - d.clientWidth); }"))
                .intValue();
    }

    /** How many pixels a vaadin-grid's content is wider than the grid (its own horizontal scroll). */
    protected int gridOverflow(Locator grid) {
        return ((Number) grid.evaluate("g => Math.max(0, g.$.table.scrollWidth - g.$.table.clientWidth)")).intValue();
    }
}
