package dev.gradlab.base.ui.steptable;

import dev.gradlab.base.ui.i18n.Numbers;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Short text for a map of named vectors: a parameter's name on its own line above its values (names are long, columns
 * on a phone narrow), long vectors abbreviated with their length.
 */
final class VectorText {

    /** Longer vectors show their first few values, an ellipsis and the last value. */
    static final int MAX_SHOWN = 4;

    private VectorText() {}

    static String of(@Nullable Map<String, double @Nullable []> vectors, Locale locale, boolean abbreviate) {
        if (vectors == null) {
            return "—";
        }
        StringJoiner lines = new StringJoiner("\n");
        boolean named = vectors.size() > 1;
        vectors.forEach((name, v) -> lines.add((named ? breakable(name) + ":\n" : "") + vector(v, locale, abbreviate)));
        return lines.toString();
    }

    /** Lets a long name like {@code fc1.weight} wrap after its dots and underscores rather than mid-word. */
    static String breakable(String name) {
        return name.replace(".", ".\u200B").replace("_", "_\u200B");
    }

    static String vector(double @Nullable [] v, Locale locale, boolean abbreviate) {
        if (v == null) {
            return "None";
        }
        if (v.length == 1) {
            return number(v[0], locale, abbreviate);
        }
        StringJoiner j = new StringJoiner(", ", "[", "]");
        boolean cut = abbreviate && v.length > MAX_SHOWN;
        int head = cut ? MAX_SHOWN - 2 : v.length;
        for (int i = 0; i < head; i++) {
            j.add(number(v[i], locale, abbreviate));
        }
        if (cut) {
            j.add("…");
            j.add(number(v[v.length - 1], locale, abbreviate));
        }
        return j + (cut ? " (" + v.length + ")" : "");
    }

    /** Table cells are short (see {@link Numbers#compact}); tooltips show the number to 4 decimals. */
    private static String number(double x, Locale locale, boolean shortForm) {
        return shortForm ? Numbers.compact(x, locale) : Numbers.format(x, locale);
    }
}
