package dev.gradlab.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.gradlab.authoring.Authoring;
import dev.gradlab.authoring.AuthoringException;
import dev.gradlab.authoring.ForkSource;
import dev.gradlab.authoring.OwnScenario;
import dev.gradlab.authoring.Sharing;
import dev.gradlab.base.ui.i18n.Languages;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * "My scenarios" ({@code /my}): the instructor's own scenarios, newest change first, each with its visibility (changed
 * in place), last change, links to edit and to its share link, the share box, and delete (after a confirmation);
 * below, the built-ins and other users' public scenarios, each with a "Copy" button (fork). Every action goes to
 * {@link Authoring}, which checks ownership.
 */
@Route("my")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@CssImport("./styles/views.css")
@CssImport("./styles/editor.css")
public class MyScenariosView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Authoring authoring;
    private final Div list = new Div();
    private final Paragraph status = new Paragraph();

    public MyScenariosView(Authoring authoring) {
        this.authoring = authoring;
        addClassName("gradlab-page");
        addClassName("gradlab-my");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Anchor create = new Anchor("edit/new", getTranslation("my.new"));
        create.addClassName("gradlab-cta");
        create.setId("my-new");
        status.setId("my-status");
        status.getElement().setAttribute("role", "status");
        list.setId("my-list");
        list.addClassName("gradlab-my-list");
        add(new H1(getTranslation("my.title")), create, status, list);
        refresh();
        add(new H2(getTranslation("my.copy.heading")), new Paragraph(getTranslation("my.copy.intro")), forkList());
    }

    private void refresh() {
        list.removeAll();
        var mine = authoring.mine();
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("my.empty")));
        }
        mine.forEach(s -> list.add(row(s)));
    }

    private Div row(OwnScenario s) {
        Div row = new Div();
        row.addClassName("gradlab-card");
        row.setId("my-" + s.slug());
        String title = s.title(getLocale());
        Span kind = new Span(s.kind());
        kind.getElement().getThemeList().add("badge small");
        Paragraph changed = new Paragraph(getTranslation(
                "my.changed",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(getLocale())
                        .withZone(ZoneId.systemDefault())
                        .format(s.updated())));
        changed.addClassName("gradlab-muted");
        Select<Sharing> visibility = new Select<>();
        visibility.setLabel(getTranslation("editor.visibility"));
        visibility.setItems(Sharing.values());
        visibility.setItemLabelGenerator(v -> getTranslation(ShareBox.visibilityKey(v)));
        visibility.setValue(s.sharing());
        visibility.setId("visibility-" + s.slug());
        visibility.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                act(() -> authoring.changeSharing(s.slug(), e.getValue(), s.version()), "my.visibility.changed");
            }
        });
        Anchor edit = new Anchor("edit/" + s.slug(), getTranslation("my.edit"));
        edit.setId("edit-" + s.slug());
        Anchor open = new Anchor(s.sharePath(), getTranslation("share.open"));
        open.setId("open-" + s.slug());
        Button delete = new Button(getTranslation("my.delete"));
        delete.setId("delete-" + s.slug());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> confirmDelete(s, title));
        Details share = new Details(getTranslation("share.heading"), new ShareBox(s.slug(), "-" + s.slug()));
        Div actions = new Div(edit, open, delete);
        actions.addClassName("gradlab-my-actions");
        row.add(new H2(title), kind, changed, visibility, actions, share);
        return row;
    }

    private void confirmDelete(OwnScenario s, String title) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("my.delete.header", title));
        dialog.setText(getTranslation("my.delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("my.delete.cancel"));
        dialog.setConfirmText(getTranslation("my.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act(() -> authoring.delete(s.slug(), s.version()), "my.deleted"));
        dialog.open();
    }

    private Div forkList() {
        Div box = new Div();
        box.setId("fork-list");
        box.addClassName("gradlab-fork-list");
        for (ForkSource f : authoring.forkable()) {
            String title = Languages.TRADITIONAL_CHINESE
                            .getLanguage()
                            .equals(getLocale().getLanguage())
                    ? f.titleZhTw()
                    : f.titleEn();
            Button copy = new Button(getTranslation("my.copy"));
            copy.setId("fork-" + f.idOrSlug());
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
            copy.setAriaLabel(getTranslation("my.copy.named", title));
            copy.addClickListener(e -> {
                try {
                    OwnScenario copyOf = authoring.fork(f.idOrSlug());
                    getUI().ifPresent(ui -> ui.navigate("edit/" + copyOf.slug()));
                } catch (AuthoringException ex) {
                    status.setText(Refusals.text(this, ex, authoring.maxScenariosPerUser()));
                }
            });
            Div row = new Div(new Span(title), copy);
            row.addClassName("gradlab-fork-row");
            box.add(row);
        }
        return box;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            status.setText(getTranslation(doneKey));
        } catch (AuthoringException e) {
            status.setText(Refusals.text(this, e, authoring.maxScenariosPerUser()));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my.title") + " · GradLab";
    }
}
