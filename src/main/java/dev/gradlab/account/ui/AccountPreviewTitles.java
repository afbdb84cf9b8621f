package dev.gradlab.account.ui;

import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The link-preview titles of the sign-in, account and admin pages, the same as {@link LoginView#getPageTitle()},
 * {@link AccountView#getPageTitle()} and {@link AdminUsersView#getPageTitle()}.
 */
@Component
class AccountPreviewTitles implements PreviewTitles {

    @Override
    public Optional<String> title(String path, Locale locale) {
        String key = switch (path) {
            case "login" -> "login.heading";
            case "account" -> "account.title";
            case "admin/users" -> "admin.users.title";
            default -> null;
        };
        return key == null ? Optional.empty() : Optional.of(PageShell.translate(key, locale) + " · GradLab");
    }
}
