package dev.gradlab.base.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.gradlab.BrowserTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shell and the shared components as a student's browser shows them, at desktop and phone width. */
class ComponentsIT extends BrowserTest {

    @Test
    void the_layout_renders_and_the_switcher_changes_the_language_to_traditional_chinese() {
        open("/");
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").getByText("Lessons: zero_grad"))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        screenshot("home-en-desktop");

        page.locator("#language-select").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("繁體中文"))
                .click();
        waitForVaadin();

        assertThat(page.locator("vaadin-side-nav-item").getByText("課程: zero_grad"))
                .isVisible();
        assertThat(page.locator("vaadin-side-nav-item").getByText("實驗室")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        screenshot("home-zh-TW-desktop");

        // The choice holds for the session: another page comes up in Chinese too.
        open("/dev/components");
        assertThat(page.locator("h1")).hasText("元件展示");
    }

    @Test
    void a_chinese_browser_gets_traditional_chinese_by_default() {
        newContext("zh-TW", DESKTOP_WIDTH, 900);
        open("/");
        assertThat(page.locator("vaadin-side-nav-item").getByText("課程: zero_grad"))
                .isVisible();
    }

    @Test
    void the_gallery_shows_a_drawn_chart_a_formula_a_step_table_and_a_graph() {
        open("/dev/components");

        Locator chart = page.locator("#demo-chart gradlab-apex-chart");
        assertThat(chart.locator(".apexcharts-series path.apexcharts-line").first())
                .isVisible();
        assertThat(chart.locator(".apexcharts-xaxis-annotations")).containsText("strategies diverge here");
        assertThat(chart.locator(".apexcharts-legend")).containsText("summed");
        assertThat(chart.boundingBox().width).isGreaterThan(300);
        assertThat(chart.boundingBox().height).isGreaterThan(200);

        assertThat(page.locator("#demo-formula .katex")).isVisible();
        assertThat(page.locator("#demo-formula .katex-mathml")).containsText("5");

        // Summed strategy, hand-worked example: θ after step 2 is 8 − 1 × 3 = 5, and step 2 is the current row.
        Locator table = page.locator("#demo-steptable");
        assertThat(table.locator("vaadin-grid-cell-content")
                        .getByText("▸2", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(table.locator("vaadin-grid-cell-content")
                        .getByText("5", new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible();

        assertThat(page.locator("#demo-graph svg g.node")).hasCount(9);
        assertThat(page.locator("#demo-graph svg")).containsText("MseLossBackward0");
        screenshot("components-en-desktop");

        // The chart's table equivalent holds the same numbers: step 2, zeroed 7, summed 5.
        page.locator("#demo-chart vaadin-details-summary").click();
        Locator numbers = page.locator("#demo-chart vaadin-grid.gradlab-numbers");
        assertThat(numbers).isVisible();
        assertThat(numbers.locator("vaadin-grid-cell-content").getByText("summed"))
                .isVisible();
        assertThat(numbers.locator("vaadin-grid-cell-content")
                        .getByText("7", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        page.locator("#demo-chart")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve("chart-with-table-en-desktop.png")));
    }

    @Test
    void the_chart_updates_in_place_when_its_series_change() {
        open("/dev/components");
        Locator chart = page.locator("#demo-chart gradlab-apex-chart");
        assertThat(chart.locator(".apexcharts-series path.apexcharts-line").first())
                .isVisible();
        // The same ApexCharts instance must survive the update (updateOptions, not destroy + new).
        chart.evaluate("el => { window.__chart = el._chart; }");
        int pointsBefore = chart.locator(".apexcharts-series[seriesName='summed'] .apexcharts-marker")
                .count();

        page.locator("#demo-next").click();
        waitForVaadin();
        page.waitForTimeout(500);

        int pointsAfter = chart.locator(".apexcharts-series[seriesName='summed'] .apexcharts-marker")
                .count();
        assertThat(pointsAfter).isEqualTo(pointsBefore + 1);
        assertThat((Boolean) chart.evaluate("el => !!el._chart && el._chart === window.__chart"))
                .isTrue();
        assertThat(page.locator("#demo-formula .katex-mathml")).containsText("3");
    }

    @Test
    void at_phone_width_nothing_overflows_and_the_drawer_opens_from_the_toggle() {
        newContext("en-US", PHONE_WIDTH, 812);
        open("/dev/components");
        assertThat(page.locator("#demo-chart .apexcharts-series path.apexcharts-line")
                        .first())
                .isVisible();
        assertThat(page.locator("#demo-steptable-wide vaadin-grid-cell-content").first())
                .isAttached();

        assertThat(horizontalOverflow()).as("page overflow at 375 px").isZero();
        assertThat(gridOverflow(page.locator("#demo-steptable")))
                .as("step table overflow")
                .isZero();
        assertThat(gridOverflow(page.locator("#demo-steptable-wide")))
                .as("wide step table overflow")
                .isZero();
        screenshot("components-en-phone");
        page.locator("#demo-steptable-wide")
                .screenshot(
                        new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("steptable-wide-en-phone.png")));
        page.locator("#demo-graph")
                .screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("graph-en-phone.png")));

        // The narrowest phones we support: 360 px.
        page.setViewportSize(360, 740);
        page.waitForTimeout(500);
        waitForVaadin();
        assertThat(horizontalOverflow()).as("page overflow at 360 px").isZero();
        assertThat(gridOverflow(page.locator("#demo-steptable-wide")))
                .as("wide step table overflow at 360 px")
                .isZero();

        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-side-nav-item").getByText("Library")).isVisible();
        screenshot("drawer-en-phone");
    }

    @Test
    void the_header_controls_are_reachable_with_the_keyboard_and_labelled() {
        open("/");
        assertThat(page.locator("vaadin-drawer-toggle")).hasAttribute("aria-label", "Menu");
        assertThat(page.locator("#theme-toggle")).hasAttribute("aria-label", "Switch to dark theme");
        // two navigation landmarks in the drawer, each with its own name: the pages, and the account links
        assertThat(page.locator("vaadin-side-nav").first()).hasAttribute("aria-label", "Main navigation");
        assertThat(page.locator("#account-nav")).hasAttribute("aria-label", "Account");

        boolean reached = false;
        for (int i = 0; i < 15 && !reached; i++) {
            page.keyboard().press("Tab");
            reached = (Boolean)
                    page.evaluate("() => document.activeElement && document.activeElement.id === 'theme-toggle'");
        }
        assertThat(reached).as("Tab reaches the theme toggle").isTrue();
        page.keyboard().press("Enter");
        assertThat(page.locator("body")).hasAttribute("theme", "dark");
        assertThat(page.locator("#theme-toggle")).hasAttribute("aria-label", "Switch to light theme");
    }

    @Test
    void the_dark_theme_toggle_switches_lumo_and_the_chart_follows() {
        newContext("zh-TW", PHONE_WIDTH, 812);
        open("/dev/components");
        page.locator("#theme-toggle").click();
        waitForVaadin();
        assertThat(page.locator("body")).hasAttribute("theme", "dark");
        assertThat(page.locator("#demo-chart .apexcharts-series path.apexcharts-line")
                        .first())
                .isVisible();
        page.waitForTimeout(500);
        screenshot("components-zh-TW-dark-phone");
    }

    /** The stroke of each drawn series of the first chart on the zero_grad lesson, in series order. */
    @SuppressWarnings("unchecked")
    private List<String> seriesColours() {
        Locator chart = page.locator("#part-side-by-side gradlab-apex-chart").first();
        assertThat(chart.locator(".apexcharts-series path.apexcharts-line").first())
                .isVisible();
        return (List<String>) chart.evaluate("c => Array.from(c.querySelectorAll('.apexcharts-series'))"
                + ".map(s => s.querySelector('path.apexcharts-line').getAttribute('stroke').toLowerCase())");
    }

    @Test
    void a_visitor_whose_system_prefers_dark_gets_the_dark_theme_and_the_charts_keep_their_colours() {
        newContext("en-US", DESKTOP_WIDTH, 900); // a fresh session: the theme was never toggled
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        open("/lessons/zero-grad");
        List<String> light = seriesColours();
        assertThat(page.locator("body")).not().hasAttribute("theme", Pattern.compile(".*dark.*"));

        newContext("en-US", DESKTOP_WIDTH, 900);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        open("/lessons/zero-grad");
        // Lumo's dark theme is the UI element's theme attribute, which Vaadin puts on <body>
        assertThat(page.locator("body")).hasAttribute("theme", "dark");
        assertThat(page.locator("#theme-toggle")).hasAttribute("aria-label", "Switch to light theme");
        List<String> dark = seriesColours();
        // the lesson compares four strategies, one line each, each in its own colour
        assertThat(light)
                .hasSize(4)
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("#[0-9a-f]{6}|rgba?\\([0-9, .]+\\)"));
        assertThat(dark).isEqualTo(light);
    }
}
