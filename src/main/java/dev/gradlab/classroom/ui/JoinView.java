package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.classroom.ClassException;
import dev.gradlab.classroom.ClassService;

/** {@code /join} and {@code /join/{code}}: a student enters the class code and, if they like, a nickname. */
@Route("join/:code?")
@AnonymousAllowed
public class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClassService classes;
    private final TextField code = new TextField();
    private final TextField nickname = new TextField();
    private final Button join = new Button();
    private final Paragraph error = new Paragraph();

    public JoinView(ClassService classes) {
        this.classes = classes;
        addClassName("gradlab-join");
        ClassStyles.touchTargets(this);
        setMaxWidth("28rem");
        code.setLabel(getTranslation("class.join.code"));
        code.setId("join-code");
        code.setMaxLength(12);
        code.setWidthFull();
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("autocomplete", "off");
        nickname.setLabel(getTranslation("class.join.nickname"));
        nickname.setHelperText(getTranslation("class.join.nickname.help"));
        nickname.setId("join-nickname");
        nickname.setMaxLength(40);
        nickname.setWidthFull();
        join.setText(getTranslation("class.join.button"));
        join.setId("join-button");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickShortcut(Key.ENTER);
        join.addClickListener(e -> join());
        error.setId("join-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(
                new H2(getTranslation("class.join.title")),
                new Paragraph(getTranslation("class.join.intro")),
                code,
                nickname,
                join,
                error);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("code").ifPresent(c -> code.setValue(c.toUpperCase(java.util.Locale.ROOT)));
    }

    private void join() {
        try {
            ClassService.StudentPass pass = classes.join(code.getValue(), nickname.getValue());
            getUI().ifPresent(ui -> {
                StudentTokens.put(ui, pass.code(), pass.token());
                ui.navigate("class/" + pass.code());
            });
        } catch (ClassException e) {
            error.setText(ClassMessages.refusal(this, e));
            code.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.join.title") + " · GradLab";
    }
}
