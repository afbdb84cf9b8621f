package dev.gradlab.base.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The languages GradLab speaks, and how a browser's preferences map onto them. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale TRADITIONAL_CHINESE = Locale.TRADITIONAL_CHINESE; // zh_TW

    /** In the order the switcher lists them; the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, TRADITIONAL_CHINESE);

    private Languages() {}

    /**
     * The first of the browser's preferred languages that we speak. Every Chinese variant (zh, zh-TW, zh-Hant, even
     * zh-CN) gets Traditional Chinese: it is the only Chinese we have, and closer to a Chinese reader than English.
     */
    public static Locale fromBrowser(List<Locale> preferred) {
        for (Locale l : preferred) {
            @Nullable Locale match = supported(l);
            if (match != null) {
                return match;
            }
        }
        return ENGLISH;
    }

    /** The supported locale for a language, or null when we do not speak it. */
    static @Nullable Locale supported(Locale l) {
        return switch (l.getLanguage()) {
            case "zh" -> TRADITIONAL_CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    /** The supported locale for {@code l}'s language, English when we do not speak it. */
    public static Locale supportedOrDefault(Locale l) {
        @Nullable Locale match = supported(l);
        return match != null ? match : ENGLISH;
    }

    /** The locale of the current UI (or session), English outside a Vaadin request. */
    public static Locale current() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            return ui.getLocale();
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session != null ? session.getLocale() : ENGLISH;
    }

    /** The BCP 47 tag for the {@code lang} attribute of the page, e.g. {@code zh-TW}. */
    public static String tag(Locale l) {
        return l.toLanguageTag();
    }
}
