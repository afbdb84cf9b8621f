package dev.gradlab.classroom.ui;

import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The link-preview titles of the class pages, the same as their views' {@code getPageTitle()}: {@code /join} and
 * {@code /join/{code}} ({@link JoinView}, also for a student's {@code /class/{code}}, which sends anyone without the
 * student's session there), and the instructor's {@code /classes} ({@link ClassesView}) and {@code /classes/{code}}
 * ({@link ClassDashboardView}). A code is named only when it could be one (letters and digits, at most 12), as the
 * views upper-case it.
 */
@Component
class ClassPreviewTitles implements PreviewTitles {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,12}");

    @Override
    public Optional<String> title(String path, Locale locale) {
        if (path.equals("join") || path.startsWith("join/") && path.indexOf('/', 5) < 0) {
            return Optional.of(PageShell.translate("class.join.title", locale) + " · GradLab");
        }
        if (path.equals("classes")) {
            return Optional.of(PageShell.translate("class.list.title", locale) + " · GradLab");
        }
        if (code(path, "class/") != null) {
            // a student's own page needs the token of their session; anyone else following the link (as a link
            // preview does) is sent to the join page
            return Optional.of(PageShell.translate("class.join.title", locale) + " · GradLab");
        }
        String dashboard = code(path, "classes/");
        if (dashboard != null) {
            return Optional.of(PageShell.translate("class.dashboard.title", locale, dashboard) + " · GradLab");
        }
        return Optional.empty();
    }

    /** The class code after {@code prefix}, upper-cased, or null when the path is not such a page. */
    static @Nullable String code(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return null;
        }
        String code = path.substring(prefix.length());
        return CODE.matcher(code).matches() ? code.toUpperCase(Locale.ROOT) : null;
    }
}
