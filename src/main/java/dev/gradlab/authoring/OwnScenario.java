package dev.gradlab.authoring;

import java.time.Instant;

/**
 * A saved scenario as its owner sees it in the editor and in "My scenarios".
 *
 * @param version the version a later save, visibility change or delete must quote
 */
public record OwnScenario(
        String slug,
        String id,
        String titleEn,
        String titleZhTw,
        String kind,
        Sharing sharing,
        long version,
        Instant updated,
        String source) {

    /** The title in {@code locale}'s language (Traditional Chinese or English). */
    public String title(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? titleZhTw : titleEn;
    }

    /** The share link's path, without a leading slash: {@code s/<slug>}. */
    public String sharePath() {
        return "s/" + slug;
    }
}
