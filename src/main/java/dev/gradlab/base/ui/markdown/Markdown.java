package dev.gradlab.base.ui.markdown;

import com.vaadin.flow.component.Html;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown written by an instructor (a scenario's description), rendered for a page. Raw HTML in the source is shown
 * as text and link targets are checked (no {@code javascript:} links), so a shared scenario cannot inject markup.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    /** The HTML of {@code markdown}, safe to put in a page. */
    public static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** A component showing {@code markdown} rendered, styled by the theme's {@code .gradlab-markdown} rules. */
    public static Html component(String markdown) {
        return new Html("<div class=\"gradlab-markdown\">" + toHtml(markdown) + "</div>");
    }
}
