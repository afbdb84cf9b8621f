package dev.gradlab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.gradlab.BrowserTest;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The no_grad lesson as a student walks through it. What must hold follows from what no-grad means, not from the
 * engine's output: under no-grad nothing is recorded (0 nodes, requires_grad False); with grad on, an MLP's loss has a
 * graph; a running total of loss tensors keeps one more batch's graph per batch.
 */
class NoGradLessonIT extends BrowserTest {

    private static final int BATCHES = NoGradLessonFacts.BATCHES;

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    private long number(String id) {
        return Long.parseLong(page.locator("#" + id).innerText().replaceAll("[^0-9]", ""));
    }

    @Test
    void the_lesson_shows_each_part_with_numbers_from_the_engine_in_english() {
        open("/lessons/no-grad");
        assertThat(page.locator("h1")).containsText("torch.no_grad()");
        assertThat(page.locator("#eval-loop")).containsText("with torch.no_grad():");
        assertThat(page.locator("#eval-loop .current")).hasCount(3);

        // 1. with and without no-grad, batch by batch
        for (int b = 1; b <= BATCHES; b++) {
            assertThat(page.locator("#eval-" + b + "-nograd-nodes")).hasText("0");
            assertThat(page.locator("#eval-" + b + "-nograd-saved")).hasText("0");
            assertThat(page.locator("#eval-" + b + "-nograd-requires-grad")).hasText("False");
            assertThat(page.locator("#eval-" + b + "-grad-requires-grad")).hasText("True");
            assertThat(number("eval-" + b + "-grad-nodes")).isPositive();
            assertThat(number("eval-" + b + "-grad-saved")).isPositive();
        }
        assertLinesDrawn(page.locator("#part-eval gradlab-apex-chart"));
        // the timing verdict rests on 9 repetitions and never claims more than their spreads allow
        assertThat(page.locator("#eval-timing")).containsText("median of 9 runs after a warm-up");
        assertThat(page.locator("#eval-timing"))
                .containsText(java.util.regex.Pattern.compile(
                        "Every no_grad run was faster|every no_grad run was slower|too close to call"));
        page.locator("#eval-again").click();
        waitForVaadin();
        assertThat(page.locator("#eval-1-nograd-nodes")).hasText("0");

        // 2. the leak grows by the same amount every batch; the fixes stay at zero
        long perBatch = number("leak-1-leak-nodes");
        assertThat(perBatch).isPositive();
        for (int b = 1; b <= BATCHES; b++) {
            assertThat(number("leak-" + b + "-leak-nodes")).isEqualTo(b * perBatch);
            assertThat(page.locator("#leak-" + b + "-item-nodes")).hasText("0");
            assertThat(page.locator("#leak-" + b + "-nograd-nodes")).hasText("0");
        }
        assertThat(page.locator("#leak-code-leak .gradlab-code-bad")).containsText("total += loss");
        assertThat(page.locator("#leak-code-leak .gradlab-code-bad")).not().containsText(".item()");
        assertThat(page.locator("#leak-code-item .current")).containsText(".item()");
        assertThat(page.locator("#leak-code-nograd .current")).containsText("with torch.no_grad():");
        assertLinesDrawn(page.locator("#part-leak gradlab-apex-chart"));

        // 3. backward() on a no-grad loss: PyTorch's own words
        assertThat(page.locator("#backward-error")).hasCount(0);
        page.locator("#try-backward").click();
        waitForVaadin();
        assertThat(page.locator("#backward-error"))
                .containsText("element 0 of tensors does not require grad and does not have a grad_fn");
        assertThat(page.locator("#backward-state")).containsText("requires_grad = False");
        assertThat(page.locator("#backward-error-pytorch")).hasText(BackwardPart.PYTORCH_ERROR);

        // 4. eval() changes the outputs, no_grad changes only the recording
        assertThat(page.locator("#mode-eval-grad")).containsText("outputs = eval reference");
        assertThat(page.locator("#mode-eval-nograd")).containsText("outputs = eval reference");
        assertThat(page.locator("#mode-train-grad")).containsText("outputs differ");
        assertThat(page.locator("#mode-train-nograd")).containsText("outputs differ");
        assertThat(page.locator("#mode-train-nograd")).containsText("graph: 0 nodes");
        assertThat(page.locator("#mode-eval-nograd")).containsText("graph: 0 nodes");
        assertThat(page.locator("#mode-eval-grad")).containsText("requires_grad = True");
        assertThat(page.locator("#mode-train-grad")).not().containsText("graph: 0 nodes");
        assertThat(page.locator("#mode-eval-grad")).not().containsText("graph: 0 nodes");
        assertThat(horizontalOverflow()).isZero();
        screenshot("nograd-en-desktop");
    }

    @Test
    void on_a_phone_the_lesson_reads_in_chinese_and_fits_the_width() {
        newContext("zh-TW", PHONE_WIDTH, 800);
        open("/lessons/no-grad");
        assertThat(page.locator("h1")).containsText("關掉了什麼");
        assertThat(page.locator("#eval-1-nograd-nodes")).hasText("0");
        assertThat(page.locator("#eval-1-nograd-requires-grad")).hasText("False");
        assertThat(number("eval-1-grad-nodes")).isPositive();
        // the loss column proves both rows of a batch give the same result: a phone shows it too (it was hidden)
        Locator lossCells = page.locator("#eval-table tbody tr:nth-child(-n+2) td:nth-child(7)");
        assertThat(lossCells).hasCount(2);
        assertThat(lossCells.first()).isVisible();
        assertThat(lossCells.nth(1)).isVisible();
        assertThat(lossCells.first().textContent())
                .isNotBlank()
                .isEqualTo(lossCells.nth(1).textContent());
        assertThat(number("leak-" + BATCHES + "-leak-nodes")).isEqualTo(BATCHES * number("leak-1-leak-nodes"));
        assertThat(page.locator("#leak-" + BATCHES + "-item-nodes")).hasText("0");
        page.locator("#try-backward").click();
        waitForVaadin();
        assertThat(page.locator("#backward-error"))
                .containsText("element 0 of tensors does not require grad and does not have a grad_fn");
        assertThat(page.locator("#mode-eval-nograd")).containsText("評估基準");
        assertThat(page.locator("#mode-train-grad")).containsText("輸出不同");
        assertLinesDrawn(page.locator("#part-leak gradlab-apex-chart"));
        assertThat(horizontalOverflow()).isZero();
        screenshot("nograd-zh-TW-phone");
    }

    @Test
    void the_lesson_is_in_the_navigation() {
        open("/");
        Locator item = page.locator("vaadin-side-nav-item[path='lessons/no-grad']");
        assertThat(item).isVisible();
        item.click();
        waitForVaadin();
        assertThat(page.locator("#try-backward")).isVisible();
    }

    private static void assertLinesDrawn(Locator charts) {
        assertThat(charts).hasCount(2);
        for (int i = 0; i < 2; i++) {
            Locator chart = charts.nth(i);
            // a flat line has an empty bounding box, so look for drawn paths rather than "visible" ones
            Locator lines = chart.locator(".apexcharts-series path.apexcharts-line");
            assertThat(lines.first()).hasAttribute("d", java.util.regex.Pattern.compile("^M.*L"));
            assertThat(lines.count()).isGreaterThanOrEqualTo(2);
            assertThat(chart.boundingBox().height).isGreaterThan(150);
        }
    }
}
