package dev.gradlab.classroom.ui;

import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The link-preview title of {@code /join} and {@code /join/{code}}, the same as {@link JoinView#getPageTitle()}. */
@Component
class ClassPreviewTitles implements PreviewTitles {

    @Override
    public Optional<String> title(String path, Locale locale) {
        return path.equals("join") || path.startsWith("join/") && path.indexOf('/', 5) < 0
                ? Optional.of(PageShell.translate("class.join.title", locale) + " · GradLab")
                : Optional.empty();
    }
}
