package dev.gradlab.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The landing page (a placeholder until the lessons exist). */
@Route("")
@AnonymousAllowed
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("home.tagline")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
