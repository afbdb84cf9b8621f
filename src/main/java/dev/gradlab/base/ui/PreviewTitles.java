package dev.gradlab.base.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * A page's title for link previews, known from its address alone. Link previews read only the first HTML of a page,
 * and Vaadin builds the view (with its {@code HasDynamicTitle}) in a later request, so {@link PageShell} asks the
 * features for the titles of their pages instead.
 */
public interface PreviewTitles {

    /**
     * The title the page at {@code path} (no leading slash, no query) shows, e.g. {@code "Two spirals · GradLab"};
     * empty when this feature has no such page.
     */
    Optional<String> title(String path, Locale locale);
}
