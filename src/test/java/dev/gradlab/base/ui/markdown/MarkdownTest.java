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

    @Test
    void dollar_math_becomes_katex_elements_with_the_tex_escaped() {
        assertThat(Markdown.toHtml("Loss $(\\theta-3)^2$ and\n\n$$a<b$$"))
                .isEqualTo("<p>Loss <gradlab-formula tex=\"(\\theta-3)^2\"></gradlab-formula> and</p>\n"
                        + "<p><gradlab-formula tex=\"a&lt;b\" display-mode></gradlab-formula></p>\n");
    }

    @Test
    void a_dollar_next_to_a_space_is_money_not_math() {
        assertThat(Markdown.toHtml("costs $5 and $10")).isEqualTo("<p>costs $5 and $10</p>\n");
    }

    @Test
    void markup_inside_math_stays_an_attribute_and_never_becomes_html() {
        String html = Markdown.toHtml("$\"><script>x</script>$");
        assertThat(html).doesNotContain("<script>").contains("tex=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
    }
}
