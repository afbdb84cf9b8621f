package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void the_exact_language_wins_then_zh_tw_then_en_then_any() {
        LocalizedText both = new LocalizedText(Map.of("en", "Hello", "zh-TW", "你好"));
        assertThat(both.in(Locale.forLanguageTag("zh-TW"))).isEqualTo("你好");
        assertThat(both.in(Locale.ENGLISH)).isEqualTo("Hello");
        assertThat(both.in(Locale.forLanguageTag("en-GB"))).isEqualTo("Hello");
        assertThat(both.in(Locale.GERMAN)).isEqualTo("你好");
        assertThat(new LocalizedText(Map.of("en", "Hello")).in(Locale.forLanguageTag("zh-TW")))
                .isEqualTo("Hello");
        Map<String, String> fr = new LinkedHashMap<>();
        fr.put("fr", "Bonjour");
        assertThat(new LocalizedText(fr).in(Locale.ENGLISH)).isEqualTo("Bonjour");
    }
}
