package dev.gradlab.account.ui;

import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The link-preview title of the sign-in page, the same as {@link LoginView#getPageTitle()}. */
@Component
class AccountPreviewTitles implements PreviewTitles {

    @Override
    public Optional<String> title(String path, Locale locale) {
        return path.equals("login")
                ? Optional.of(PageShell.translate("login.heading", locale) + " · GradLab")
                : Optional.empty();
    }
}
