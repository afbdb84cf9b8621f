package dev.gradlab.base.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void chinese_browsers_get_traditional_chinese_whatever_the_variant() {
        for (String tag : List.of("zh", "zh-TW", "zh-Hant", "zh-Hant-TW", "zh-HK", "zh-CN")) {
            assertThat(Languages.fromBrowser(List.of(Locale.forLanguageTag(tag))))
                    .as(tag)
                    .isEqualTo(Locale.TRADITIONAL_CHINESE);
        }
    }

    @Test
    void english_and_unknown_languages_get_english() {
        assertThat(Languages.fromBrowser(List.of(Locale.forLanguageTag("en-GB"))))
                .isEqualTo(Locale.ENGLISH);
        assertThat(Languages.fromBrowser(List.of(Locale.forLanguageTag("fr-FR"))))
                .isEqualTo(Locale.ENGLISH);
        assertThat(Languages.fromBrowser(List.of())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void the_first_preference_we_speak_wins() {
        var preferred =
                List.of(Locale.forLanguageTag("ja"), Locale.forLanguageTag("zh-TW"), Locale.forLanguageTag("en"));
        assertThat(Languages.fromBrowser(preferred)).isEqualTo(Locale.TRADITIONAL_CHINESE);
    }

    @Test
    void english_text_comes_from_the_base_file_even_when_the_machine_speaks_chinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.TRADITIONAL_CHINESE);
            GradlabI18NProvider provider = new GradlabI18NProvider();
            assertThat(provider.getTranslation("nav.lessons", Locale.ENGLISH)).isEqualTo("Lessons");
            assertThat(provider.getTranslation("nav.lessons", Locale.forLanguageTag("en-US")))
                    .isEqualTo("Lessons");
            assertThat(provider.getTranslation("nav.lessons", Locale.TRADITIONAL_CHINESE))
                    .isEqualTo("課程");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void parameters_are_filled_in() {
        GradlabI18NProvider provider = new GradlabI18NProvider();
        assertThat(provider.getTranslation("steptable.epoch-batch.tooltip", Locale.ENGLISH, 1, 2))
                .isEqualTo("Epoch 1, batch 2");
        assertThat(provider.getTranslation("steptable.epoch-batch.tooltip", Locale.TRADITIONAL_CHINESE, 1, 2))
                .isEqualTo("第 1 輪，第 2 批");
    }
}
