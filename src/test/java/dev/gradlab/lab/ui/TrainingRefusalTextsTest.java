package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.lab.train.TrainingRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reason the training queue may refuse a run has its own sentence, in English and in Traditional Chinese. */
class TrainingRefusalTextsTest {

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TrainingRefusalTextsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(TrainingRejectedException.Reason.class)
    void each_refusal_is_said_in_both_languages_with_its_limit(TrainingRejectedException.Reason reason)
            throws IOException {
        String key = TrainingPanel.rejectionKey(reason);
        for (String file : new String[] {"translations.properties", "translations_zh_TW.properties"}) {
            String text = load(file).getProperty(key);
            assertThat(text).as(key + " in " + file).isNotBlank();
            if (reason != TrainingRejectedException.Reason.SHUTTING_DOWN) {
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {37}))
                        .as("the limit appears in " + key + " of " + file)
                        .contains("37");
            }
        }
    }
}
