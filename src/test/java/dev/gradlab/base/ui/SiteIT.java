package dev.gradlab.base.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import dev.gradlab.BrowserTest;
import org.junit.jupiter.api.Test;

/** What every page shares: the not-found page, titles, link previews, the favicon. */
class SiteIT extends BrowserTest {

    @Test
    void an_unknown_address_answers_404_with_a_translated_page_that_links_home_and_to_the_library() {
        Response response = page.navigate(url("/no/such/page"));
        waitForVaadin();
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("#not-found h1")).hasText("This page does not exist");
        assertThat(page.locator("#not-found")).containsText("/no/such/page");
        assertThat(page.locator("#not-found")).not().containsText("Could not navigate");
        assertThat(page).hasTitle("Page not found · GradLab");
        page.locator("#not-found-library").click();
        waitForVaadin();
        assertThat(page.locator("#scenario-cards")).isVisible();

        newContext("zh-TW", PHONE_WIDTH, 800);
        page.navigate(url("/nowhere"));
        waitForVaadin();
        assertThat(page.locator("#not-found h1")).hasText("這個頁面不存在");
        assertThat(page.locator("#not-found-home")).hasText("前往首頁");
        assertThat(horizontalOverflow()).isZero();
        screenshot("not-found-zh-phone");
    }

    @Test
    void each_page_has_its_own_title_in_the_page_language() {
        open("/library");
        assertThat(page).hasTitle("Scenario library · GradLab");
        open("/lab/gd-by-hand");
        assertThat(page).hasTitle("Gradient descent by hand · GradLab");
        newContext("zh-TW", DESKTOP_WIDTH, 800);
        open("/lab/gd-by-hand");
        assertThat(page).hasTitle("手算梯度下降 · GradLab");
    }

    @Test
    void the_first_html_has_link_preview_tags_and_a_favicon_that_exists() {
        APIResponse html = page.request().get(url("/lessons/zero-grad"));
        String head = html.text();
        // the preview's title is the page's own, the one the browser shows (read here from the rendered page)
        open("/lessons/zero-grad");
        String lessonTitle = page.title();
        assertThat(lessonTitle).endsWith(" · GradLab").isNotEqualTo("GradLab");
        assertThat(head).contains("<meta property=\"og:title\" content=\"" + lessonTitle + "\">");
        assertThat(head).contains("<meta name=\"twitter:title\" content=\"" + lessonTitle + "\">");
        assertThat(page.request().get(url("/lab/gd-by-hand")).text())
                .contains("<meta property=\"og:title\" content=\"Gradient descent by hand · GradLab\">");
        for (String path : java.util.List.of("/library", "/login", "/join", "/join/ABCDEF", "/class/ABCDEF")) {
            open(path);
            String title = page.title();
            assertThat(title).as(path).endsWith(" · GradLab");
            assertThat(page.request().get(url(path)).text())
                    .as(path)
                    .contains("<meta property=\"og:title\" content=\"" + title + "\">");
        }
        assertThat(page.request().get(url("/no/such/page")).text())
                .contains("<meta property=\"og:title\" content=\"Page not found · GradLab\">");
        // pages behind sign-in: a preview (fetched signed out) still names the page the link leads to
        java.util.Map<String, String> signedIn = new java.util.LinkedHashMap<>();
        signedIn.put("/classes", "Live classes · GradLab");
        signedIn.put("/classes/abcdef", "Class ABCDEF · GradLab");
        signedIn.put("/account", "Your account · GradLab");
        signedIn.put("/admin/users", "Accounts · GradLab");
        signedIn.put("/my", "My scenarios · GradLab");
        signedIn.put("/edit/new", "New scenario · GradLab");
        signedIn.put("/edit/my-xor", "Edit: my-xor · GradLab");
        signedIn.forEach(
                (path, title) -> assertThat(page.request().get(url(path)).text())
                        .as(path)
                        .contains("<meta property=\"og:title\" content=\"" + title + "\">"));
        assertThat(context.request()
                        .get(
                                url("/lab/gd-by-hand"),
                                com.microsoft.playwright.options.RequestOptions.create()
                                        .setHeader("Accept-Language", "zh-TW"))
                        .text())
                .contains("<meta property=\"og:title\" content=\"手算梯度下降 · GradLab\">");
        assertThat(head).containsPattern("<meta property=\"og:description\" content=\"[^\"]*zero_grad\\(\\)");
        assertThat(head).containsPattern("<meta name=\"description\" content=\"[^\"]+\"");
        assertThat(head).contains("rel=\"icon\"").contains(PageShell.ICON);

        APIResponse icon = page.request().get(url("/" + PageShell.ICON));
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().get("content-type")).startsWith("image/svg+xml");
        assertThat(icon.text()).startsWith("<svg");

        APIResponse zh = context.request()
                .get(
                        url("/"),
                        com.microsoft.playwright.options.RequestOptions.create().setHeader("Accept-Language", "zh-TW"));
        assertThat(zh.text()).contains("zero_grad()").contains("真實的數字");

        // browsers that ask for /favicon.ico without reading the page get an icon, not a 404
        APIResponse ico = page.request().get(url("/favicon.ico"));
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.headers().get("content-type")).isIn("image/x-icon", "image/vnd.microsoft.icon");
        byte[] b = ico.body();
        // ICO header: reserved 0, type 1 (icon), then the number of images; each directory entry of 16 bytes names a
        // width (0 means 256) and the size and offset of its image, which must lie inside the file
        assertThat(b.length).isGreaterThan(6 + 16);
        assertThat(new int[] {b[0], b[1], b[2], b[3]}).containsExactly(0, 0, 1, 0);
        int images = (b[4] & 0xff) | (b[5] & 0xff) << 8;
        assertThat(images).isGreaterThanOrEqualTo(1);
        for (int i = 0; i < images; i++) {
            int at = 6 + 16 * i;
            long size = le32(b, at + 8);
            long offset = le32(b, at + 12);
            assertThat(offset + size).as("image " + i + " inside the file").isLessThanOrEqualTo(b.length);
            assertThat(size).isGreaterThan(40); // at least a bitmap header
        }
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    @Test
    void the_developer_gallery_opens_in_development_mode() {
        open("/dev/components");
        assertThat(page.locator("#demo-chart")).isVisible();
    }
}
