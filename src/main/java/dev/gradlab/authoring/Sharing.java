package dev.gradlab.authoring;

import dev.gradlab.scenario.store.Visibility;
import java.util.Locale;

/** Who may open a saved scenario, as the editor and "My scenarios" offer it (the store's visibility, for views). */
public enum Sharing {
    PRIVATE,
    UNLISTED,
    PUBLIC;

    /** The lower-case name used in URLs and JSON: {@code private}, {@code unlisted}, {@code public}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    Visibility visibility() {
        return Visibility.valueOf(name());
    }

    static Sharing of(Visibility v) {
        return valueOf(v.name());
    }
}
