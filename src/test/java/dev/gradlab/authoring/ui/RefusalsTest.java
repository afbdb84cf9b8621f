package dev.gradlab.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.authoring.AuthoringException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal but an invalid file has a sentence of its own in both languages (the service's lines are English). */
class RefusalsTest {

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(value = AuthoringException.Reason.class, names = "INVALID", mode = EnumSource.Mode.EXCLUDE)
    void each_refusal_is_translated_into_both_languages(AuthoringException.Reason reason) throws IOException {
        String key = Refusals.key(reason);
        for (String file : new String[] {"translations.properties", "translations_zh_TW.properties"}) {
            assertThat(load(file).getProperty(key)).as(file + " " + key).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"translations.properties", "translations_zh_TW.properties"})
    void the_limit_sentence_names_the_cap(String file) throws IOException {
        assertThat(load(file).getProperty(Refusals.key(AuthoringException.Reason.LIMIT)))
                .contains("{0}");
    }

    @org.junit.jupiter.api.Test
    void an_invalid_file_keeps_the_parsers_own_line() {
        assertThat(Refusals.key(AuthoringException.Reason.INVALID)).isEmpty();
    }
}
