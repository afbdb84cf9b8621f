package dev.gradlab.scenario.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A saved (or built-in) scenario as the store hands it out.
 *
 * @param owner   null for a built-in
 * @param version the optimistic-locking version a later update or delete must quote; 0 for a built-in
 * @param source  the file text, exactly as saved
 */
public record SavedScenario(
        String slug,
        String id,
        String titleEn,
        String titleZhTw,
        String kind,
        @Nullable String owner,
        Visibility visibility,
        long version,
        Instant created,
        Instant updated,
        String source,
        boolean builtIn) {}
