package dev.gradlab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gradlab.account.AccountException;
import dev.gradlab.account.Accounts;
import jakarta.annotation.security.PermitAll;

/** {@code /account}: a signed-in instructor (or the admin) changes their own password, or signs out. */
@Route("account")
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button change = new Button();

    public AccountView(Accounts accounts, AuthenticationContext authentication) {
        String username = authentication.getPrincipalName().orElseThrow();
        current.setLabel(getTranslation("account.current"));
        next.setLabel(getTranslation("account.new"));
        repeat.setLabel(getTranslation("account.repeat"));
        change.setText(getTranslation("account.change"));
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(getTranslation("account.mismatch"));
                return;
            }
            repeat.setInvalid(false);
            try {
                accounts.changePassword(username, current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                Notification.show(getTranslation("account.changed"));
            } catch (AccountException ex) {
                next.setInvalid(true);
                next.setErrorMessage(ex.getMessage());
            }
        });
        Button signOut = new Button(getTranslation("account.signout"), e -> authentication.logout());
        signOut.setId("sign-out");
        add(
                new H2(getTranslation("account.title")),
                new Paragraph(getTranslation("account.signed-in", username)),
                current,
                next,
                repeat,
                change,
                signOut);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · GradLab";
    }
}
