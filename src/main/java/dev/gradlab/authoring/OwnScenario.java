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

    /** The share link's path, without a leading slash: {@code s/<slug>}. */
    public String sharePath() {
        return "s/" + slug;
    }
}
