package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gradlab.classroom.ClassException;
import dev.gradlab.classroom.ClassService;
import dev.gradlab.classroom.Pace;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** {@code /classes}: an instructor's classes and the form that starts a new one. */
@Route("classes")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class ClassesView extends VerticalLayout implements HasDynamicTitle {

    public ClassesView(ClassService classes, AuthenticationContext authentication) {
        String me = authentication.getPrincipalName().orElseThrow();
        ClassStyles.touchTargets(this);
        ComboBox<ClassService.Startable> scenario = new ComboBox<>(getTranslation("class.start.scenario"));
        List<ClassService.Startable> startable = classes.startable(me);
        scenario.setItems(startable);
        scenario.setItemLabelGenerator(s -> s.title().in(getLocale()) + (s.builtIn() ? "" : " (" + s.scenario() + ")"));
        if (!startable.isEmpty()) {
            scenario.setValue(startable.get(0));
        }
        scenario.setWidthFull();
        scenario.setMaxWidth("32rem");
        Select<Pace> pace = new Select<>();
        pace.setLabel(getTranslation("class.start.pace"));
        pace.setItems(Pace.values());
        pace.setItemLabelGenerator(
                p -> getTranslation(p == Pace.INSTRUCTOR ? "class.pace.instructor" : "class.pace.student"));
        pace.setValue(Pace.INSTRUCTOR);
        pace.setWidthFull(); // the labels are sentences: at its default width a phone cuts them off
        pace.setMaxWidth("32rem");
        Paragraph error = new Paragraph();
        error.getElement().setAttribute("role", "alert");
        Button start = new Button(getTranslation("class.start.button"), e -> {
            if (scenario.getValue() == null) {
                error.setText(getTranslation("class.start.pick"));
                return;
            }
            try {
                ClassService.Summary s = classes.start(me, scenario.getValue().scenario(), pace.getValue());
                getUI().ifPresent(ui -> ui.navigate("classes/" + s.code()));
            } catch (ClassException ex) {
                error.setText(ClassMessages.refusal(this, ex));
            }
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("class.list.title")), scenario, pace, start, error);

        add(new H3(getTranslation("class.list.mine")));
        List<ClassService.Summary> mine = classes.mine(me);
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("class.list.none")));
        }
        for (ClassService.Summary s : mine) {
            RouterLink link = new RouterLink(
                    s.code() + " · " + s.title().in(getLocale()) + " · "
                            + (s.over()
                                    ? getTranslation("class.list.over")
                                    : getTranslation("class.step", s.step(), s.totalSteps())),
                    ClassDashboardView.class,
                    new com.vaadin.flow.router.RouteParameters("code", s.code()));
            add(ClassStyles.touchLink(link));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.list.title") + " · GradLab";
    }
}
