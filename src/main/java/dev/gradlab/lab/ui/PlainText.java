package dev.gradlab.lab.ui;

/**
 * A scenario description's Markdown shown as plain text: code ticks and emphasis marks dropped, lines joined. Enough
 * for the short descriptions of the built-ins; rendered Markdown (sanitised) belongs with the scenario editor.
 */
final class PlainText {

    private PlainText() {}

    static String of(String markdown) {
        return markdown.replace("`", "").replaceAll("(?<![\\w*])\\*{1,2}([^*\\n]+)\\*{1,2}", "$1")
                .replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
