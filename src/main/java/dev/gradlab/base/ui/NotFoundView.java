package dev.gradlab.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Any address that names no page: a translated explanation that repeats the address, with links to the start page and
 * the Library, and HTTP status 404 (instead of Vaadin's bare "Could not navigate to …").
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("gradlab-page");
        Div box = new Div();
        box.setId("not-found");
        String path = event.getLocation().getPathWithQueryParameters();
        Anchor home = new Anchor("", getTranslation("notfound.home"));
        home.setId("not-found-home");
        home.addClassName("gradlab-cta");
        Anchor library = new Anchor("library", getTranslation("notfound.library"));
        library.setId("not-found-library");
        Div links = new Div(home, library);
        links.addClassName("gradlab-not-found-links");
        // the class had no rule: the button and the link touched, and wrapped badly on a phone
        links.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-m)");
        box.add(
                new H1(getTranslation("notfound.heading")),
                new Paragraph(getTranslation("notfound.text", "/" + path)),
                links);
        add(box);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notfound.title") + " · " + getTranslation("app.name");
    }
}
