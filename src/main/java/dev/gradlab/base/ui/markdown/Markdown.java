package dev.gradlab.base.ui.markdown;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Tag;
import dev.gradlab.base.ui.formula.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown written by an instructor (a scenario's description), rendered for a page. Raw HTML in the source is shown
 * as text and link targets are checked (no {@code javascript:} links), so a shared scenario cannot inject markup.
 * Math in {@code $…$} (inline) and {@code $$…$$} (display) becomes KaTeX formulas ({@link Formula}'s element, the TeX
 * in an escaped attribute); a {@code $} followed or preceded by a space is a dollar sign, as in "$5 and $10".
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** Naming the class also bundles its KaTeX module with every view that renders Markdown. */
    private static final String FORMULA_TAG =
            Formula.class.getAnnotation(Tag.class).value();

    private static final Pattern MATH =
            Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$(?![\\s$])([^$\\n]+?)(?<!\\s)\\$", Pattern.DOTALL);
    private static final String TOKEN = "GRADLABMATHTOKEN";
    private static final Pattern TOKEN_PATTERN = Pattern.compile(TOKEN + "(\\d+)X");

    private Markdown() {}

    /** The HTML of {@code markdown}, safe to put in a page. */
    public static String toHtml(String markdown) {
        List<String> formulas = new ArrayList<>();
        Matcher m = MATH.matcher(markdown.replace(TOKEN, ""));
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            boolean display = m.group(1) != null;
            String tex = display ? m.group(1) : m.group(2);
            formulas.add("<" + FORMULA_TAG + " tex=\"" + escape(tex.strip()) + "\"" + (display ? " display-mode" : "")
                    + "></" + FORMULA_TAG + ">");
            m.appendReplacement(text, TOKEN + (formulas.size() - 1) + "X");
        }
        m.appendTail(text);
        String html = RENDERER.render(PARSER.parse(text.toString()));
        Matcher t = TOKEN_PATTERN.matcher(html);
        StringBuilder out = new StringBuilder();
        while (t.find()) {
            t.appendReplacement(out, Matcher.quoteReplacement(formulas.get(Integer.parseInt(t.group(1)))));
        }
        t.appendTail(out);
        return out.toString();
    }

    /** A component showing {@code markdown} rendered, styled by the theme's {@code .gradlab-markdown} rules. */
    public static Html component(String markdown) {
        return new Html("<div class=\"gradlab-markdown\">" + toHtml(markdown) + "</div>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
