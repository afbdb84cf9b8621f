package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.gradlab.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A model page before training: the data set is shown, the charts wait behind a sentence until the first epoch. */
class ModelDataIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    @Test
    void spiral_mlp_shows_its_points_and_a_chart_placeholder_before_start_and_the_charts_after_an_epoch() {
        open("/lab/spiral-mlp");
        // 400 points, a quarter held out: 300 training and 100 test points, two classes
        Locator picture = page.locator("#dataset-points svg");
        assertThat(picture).isVisible();
        assertThat(picture).hasAttribute("role", "img");
        assertThat(picture.getAttribute("aria-label")).contains("300").contains("100");
        assertThat(page.locator("#dataset-points svg circle").first()).isAttached(); // class 0
        assertThat(page.locator("#dataset-points svg rect").first()).isAttached(); // class 1
        assertThat(page.locator("#dataset-train-total")).hasText("300");
        assertThat(page.locator("#dataset-test-total")).hasText("100");
        assertThat(page.locator("#dataset-class-0")).containsText("circles");
        assertThat(page.locator("#dataset-class-1")).containsText("squares");
        assertThat(page.locator("#dataset-ranges")).containsText("x1");
        assertThat(page.locator("#training-charts-placeholder")).containsText("Press Start");
        assertThat(page.locator("#training-loss-chart")).hasCount(0); // no empty chart frame
        assertThat(page.locator("#training-accuracy-chart")).hasCount(0);
        assertThat(horizontalOverflow()).isZero();
        screenshot("model-data-spiral-en-desktop-before");

        page.locator("#training-epochs input").fill("1");
        page.locator("#training-start").click();
        assertThat(page.locator("#training-status")).hasAttribute("data-state", "done");
        assertThat(page.locator("#training-charts-placeholder")).hasCount(0);
        assertThat(page.locator("#training-loss-chart")).isVisible();
        assertThat(page.locator("#training-loss-chart .apexcharts-svg").first()).isAttached();
        assertThat(page.locator("#dataset-points svg")).isVisible(); // the data stay beside the results
        assertThat(page.locator("#boundary-zeroed svg")).isVisible();
    }

    @Test
    void the_phone_page_in_chinese_shows_the_data_and_the_placeholder_in_chinese() {
        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lab/spiral-mlp");
        assertThat(page.locator("#dataset-points svg")).isVisible();
        assertThat(page.locator("#dataset-class-0")).containsText("藍色圓形");
        assertThat(page.locator("#training-charts-placeholder")).containsText("開始訓練");
        assertThat(page.locator("#training-charts-placeholder").textContent()).doesNotContain("!{");
        assertThat(horizontalOverflow()).isZero();
        screenshot("model-data-spiral-zh-TW-phone-before");
    }

    @Test
    void fashion_mnist_shows_one_sample_image_per_class_with_its_name_and_an_alt_text() {
        open("/lab/fashion-mnist-mlp");
        Locator images = page.locator("#dataset-samples img");
        assertThat(images).hasCount(10);
        for (int i = 0; i < 10; i++) {
            assertThat(images.nth(i).getAttribute("alt")).isNotBlank();
            // the picture has loaded (a broken data URL has no natural size)
            assertThat((Integer) images.nth(i).evaluate("img => img.naturalWidth"))
                    .isEqualTo(28);
        }
        assertThat(page.locator("#dataset-sample-1")).hasAttribute("alt", java.util.regex.Pattern.compile("Trouser"));
        assertThat(page.locator("#dataset-samples figcaption").nth(9)).hasText("Ankle boot");
        assertThat(page.locator("#dataset-train-total")).hasText("6,000");
        assertThat(page.locator("#training-charts-placeholder")).isVisible();
        screenshot("model-data-fashion-en-desktop");

        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lab/fashion-mnist-mlp");
        assertThat(page.locator("#dataset-samples figcaption").nth(1)).hasText("褲子");
        assertThat(page.locator("#dataset-sample-1").getAttribute("alt")).contains("褲子");
        assertThat(horizontalOverflow()).isZero();
        screenshot("model-data-fashion-zh-TW-phone");
    }
}
