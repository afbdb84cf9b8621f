package dev.gradlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A text in one or more languages, keyed by BCP 47 tag ({@code en}, {@code zh-TW}); a plain string is {@code en}. */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("a localized text needs at least one language");
        }
        byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    public static LocalizedText of(String english) {
        return new LocalizedText(Map.of("en", english));
    }

    /**
     * The text for {@code locale}: the exact tag, then its language alone, then zh-TW (the course language), then en,
     * then whatever language there is — so a scenario written in one language still shows everywhere.
     */
    public String in(Locale locale) {
        String exact = find(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        String language = find(locale.getLanguage());
        if (language != null) {
            return language;
        }
        String zh = find("zh-TW");
        if (zh != null) {
            return zh;
        }
        String en = find("en");
        return en != null ? en : byLanguage.values().iterator().next();
    }

    private @org.jspecify.annotations.Nullable String find(String tag) {
        if (tag.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> e : byLanguage.entrySet()) {
            if (e.getKey().equalsIgnoreCase(tag)) {
                return e.getValue();
            }
        }
        return null;
    }
}
