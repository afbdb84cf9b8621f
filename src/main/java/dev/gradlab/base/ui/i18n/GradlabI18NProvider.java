package dev.gradlab.base.ui.i18n;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.Locale;

/**
 * Vaadin's default provider over {@code vaadin-i18n/translations.properties} (English) and
 * {@code translations_zh_TW.properties}, with the supported locales fixed so the browser's language is matched only
 * against these two.
 */
public class GradlabI18NProvider extends DefaultI18NProvider {

    public GradlabI18NProvider() {
        super(Languages.SUPPORTED);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        // English lives in the base bundle. Asking ResourceBundle for "en" would fall back to the JVM's default
        // locale first, so on a machine whose default is zh_TW an English page would come out in Chinese.
        Locale lookup = Languages.supported(locale) == Languages.TRADITIONAL_CHINESE
                ? Languages.TRADITIONAL_CHINESE
                : Locale.ROOT;
        return super.getTranslation(key, lookup, params);
    }
}
