package dev.gradlab.base.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void code_and_emphasis_become_markup_and_paragraphs_stay_apart() {
        String html = Markdown.toHtml("`zeroed` is the *correct* loop.\n\nSecond paragraph.");
        assertThat(html)
                .isEqualTo("<p><code>zeroed</code> is the <em>correct</em> loop.</p>\n<p>Second paragraph.</p>\n");
    }

    @Test
    void raw_html_is_shown_as_text_and_script_links_are_dropped() {
        assertThat(Markdown.toHtml("<script>alert(1)</script>"))
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
        assertThat(Markdown.toHtml("[x](javascript:alert(1))")).doesNotContain("javascript:");
    }

    @Test
    void chinese_text_passes_through_unchanged() {
        assertThat(Markdown.toHtml("每批歸零：`zero_grad()`")).isEqualTo("<p>每批歸零：<code>zero_grad()</code></p>\n");
    }
}
