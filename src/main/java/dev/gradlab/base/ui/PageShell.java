package dev.gradlab.base.ui;

import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.TargetElement;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.VaadinService;
import dev.gradlab.base.ui.i18n.Languages;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The HTML head every page starts with: the favicon, a description, and link-preview (Open Graph) tags in the
 * browser's language, so a shared link shows a title and a sentence instead of a blank card. Each view sets its own
 * {@code <title>} through {@code HasDynamicTitle}; the preview's title is that page title.
 */
public final class PageShell {

    public static final String ICON = "icons/gradlab.svg";

    private PageShell() {}

    public static void configure(AppShellSettings settings, List<PreviewTitles> titles) {
        Locale locale =
                Languages.fromBrowser(Collections.list(settings.getRequest().getLocales()));
        String name = translate("app.name", locale);
        String description = translate("meta.description", locale);
        settings.setPageTitle(name);
        String title = previewTitle(pageTitle(settings.getRequest().getPathInfo(), locale, titles), name);
        settings.addFavIcon("icon", ICON, "any");
        settings.addMetaTag("description", description);
        settings.addMetaTag(Inline.Position.APPEND, "theme-color", "#0072B2");
        StringBuilder og = new StringBuilder();
        og.append(property("og:type", "website"))
                .append(property("og:site_name", name))
                .append(property("og:title", title))
                .append(property("og:description", description))
                .append(property("og:image", ICON))
                .append(property("og:locale", locale.equals(Languages.TRADITIONAL_CHINESE) ? "zh_TW" : "en_US"));
        settings.addInlineWithContents(TargetElement.HEAD, Inline.Position.APPEND, og.toString(), Inline.Wrapping.NONE);
        settings.addMetaTag("twitter:card", "summary");
        settings.addMetaTag("twitter:title", title);
        settings.addMetaTag("twitter:description", description);
    }

    /** The title of the page at {@code pathInfo}: a feature's, or the not-found page's; null when none knows it. */
    private static @Nullable String pageTitle(@Nullable String pathInfo, Locale locale, List<PreviewTitles> titles) {
        String path = pathInfo == null ? "" : pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        if (!NotFoundStatus.isRoute(path)) {
            return translate("notfound.title", locale) + " · " + translate("app.name", locale);
        }
        for (PreviewTitles t : titles) {
            var title = t.title(path, locale);
            if (title.isPresent()) {
                return title.get();
            }
        }
        return null;
    }

    /** The title a link preview shows: the page's own, the site's name for a page without one. */
    static String previewTitle(@Nullable String pageTitle, String siteName) {
        return pageTitle == null || pageTitle.isBlank() ? siteName : pageTitle.strip();
    }

    /** Open Graph tags are {@code <meta property=…>}, which AppShellSettings.addMetaTag (name=…) cannot write. */
    static String property(String property, String content) {
        return "<meta property=\"" + escape(property) + "\" content=\"" + escape(content) + "\">";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** A translation outside any view, in {@code locale}; the key itself when there is no provider. */
    public static String translate(String key, Locale locale, Object... params) {
        var i18n = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        return i18n == null ? key : i18n.getTranslation(key, locale, params);
    }
}
