package dev.gradlab.authoring.ui;

import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The link-preview titles of {@code /my} ({@link MyScenariosView}) and {@code /edit/{slug}} ({@link EditorView}). The
 * editor's own title names the scenario, which only its owner may read, so a preview (fetched signed out) names the
 * slug the link already shows: "Edit: my-xor · GradLab", and "New scenario · GradLab" for {@code /edit/new}.
 */
@Component
class AuthoringPreviewTitles implements PreviewTitles {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Override
    public Optional<String> title(String path, Locale locale) {
        if (path.equals("my")) {
            return Optional.of(PageShell.translate("my.title", locale) + " · GradLab");
        }
        if (path.equals("edit/new")) {
            return Optional.of(PageShell.translate("editor.title.new", locale) + " · GradLab");
        }
        if (path.startsWith("edit/") && SLUG.matcher(path.substring(5)).matches()) {
            return Optional.of(PageShell.translate("editor.title.named", locale, path.substring(5)) + " · GradLab");
        }
        return Optional.empty();
    }
}
