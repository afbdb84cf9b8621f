package dev.gradlab.lab.ui;

import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import dev.gradlab.lab.LabService;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The link-preview titles of the Lab's pages, the same as their views' {@code getPageTitle()}: the lessons, the
 * library and each scenario's Lab page (SiteIT compares the two).
 */
public final class LabPreviewTitles implements PreviewTitles {

    private static final String SUFFIX = " · GradLab";
    private static final Map<String, String> FIXED =
            Map.of("lessons/zero-grad", "lesson.title", "lessons/no-grad", "nograd.title", "library", "library.title");

    private final LabService lab;

    public LabPreviewTitles(LabService lab) {
        this.lab = lab;
    }

    @Override
    public Optional<String> title(String path, Locale locale) {
        String key = FIXED.get(path);
        if (key != null) {
            return Optional.of(PageShell.translate(key, locale) + SUFFIX);
        }
        if (path.startsWith("lab/") && path.indexOf('/', 4) < 0 && path.length() > 4) {
            return lab.scenario(path.substring(4)).map(s -> s.title().in(locale) + SUFFIX);
        }
        return Optional.empty();
    }
}
