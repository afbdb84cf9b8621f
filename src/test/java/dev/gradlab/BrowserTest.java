package dev.gradlab;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
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
        browser = playwright
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
