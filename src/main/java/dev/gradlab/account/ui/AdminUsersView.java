package dev.gradlab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.gradlab.account.AccountException;
import dev.gradlab.account.AccountSummary;
import dev.gradlab.account.Accounts;
import jakarta.annotation.security.RolesAllowed;

/** {@code /admin/users}: the admin creates instructor accounts and sees every account. */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class AdminUsersView extends VerticalLayout implements HasDynamicTitle {

    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button create = new Button();
    final Grid<AccountSummary> grid = new Grid<>();

    public AdminUsersView(Accounts accounts) {
        username.setLabel(getTranslation("admin.users.username"));
        password.setLabel(getTranslation("admin.users.password"));
        create.setText(getTranslation("admin.users.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(AccountSummary::username).setHeader(getTranslation("admin.users.username"));
        grid.addColumn(a -> a.role().name().toLowerCase(java.util.Locale.ROOT))
                .setHeader(getTranslation("admin.users.role"));
        grid.addColumn(a -> a.created().toString()).setHeader(getTranslation("admin.users.created-at"));
        grid.setItems(accounts.list());
        create.addClickListener(e -> {
            try {
                AccountSummary created =
                        accounts.createInstructor(username.getValue().strip(), password.getValue());
                username.clear();
                password.clear();
                username.setInvalid(false);
                grid.setItems(accounts.list());
                Notification.show(getTranslation("admin.users.created", created.username()));
            } catch (AccountException ex) {
                username.setInvalid(true);
                username.setErrorMessage(ex.getMessage());
            }
        });
        HorizontalLayout form = new HorizontalLayout(username, password, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("admin.users.title")), form, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title") + " · GradLab";
    }
}
