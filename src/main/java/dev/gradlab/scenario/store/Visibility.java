package dev.gradlab.scenario.store;

import java.util.Locale;

/** Who may open a saved scenario: its owner only, anyone with the link, or anyone (and listed in the Library). */
public enum Visibility {
    PRIVATE,
    UNLISTED,
    PUBLIC;

    /** The lower-case name used in URLs and JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code private|unlisted|public}; a clear one-line error otherwise. */
    public static Visibility parse(String text) {
        for (Visibility v : values()) {
            if (v.wireName().equals(text)) {
                return v;
            }
        }
        throw new StoreException(
                StoreException.Reason.INVALID,
                "visibility must be private, unlisted or public, found '" + text.replaceAll("\\s", " ") + "'");
    }
}
