package dev.gradlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageShellTest {

    @Test
    void an_open_graph_tag_is_a_meta_property_with_its_content_escaped() {
        assertThat(PageShell.property("og:title", "a \"b\" <c> & d"))
                .isEqualTo("<meta property=\"og:title\" content=\"a &quot;b&quot; &lt;c&gt; &amp; d\">");
    }

    @Test
    void a_link_preview_is_titled_with_the_pages_own_title_and_with_the_sites_name_only_without_one() {
        assertThat(PageShell.previewTitle("Two spirals · GradLab", "GradLab")).isEqualTo("Two spirals · GradLab");
        assertThat(PageShell.previewTitle(null, "GradLab")).isEqualTo("GradLab");
        assertThat(PageShell.previewTitle("  ", "GradLab")).isEqualTo("GradLab");
    }
}
