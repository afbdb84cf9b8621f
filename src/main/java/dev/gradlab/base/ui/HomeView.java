package dev.gradlab.base.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The start of the lesson path: a short welcome and three ways in. Links are by path, not by view class, so the shell
 * does not depend on the lab feature (the dependency runs the other way).
 */
@Route("")
@AnonymousAllowed
@CssImport("./styles/views.css")
public class HomeView extends Div implements HasDynamicTitle {

    public HomeView() {
        addClassName("gradlab-page");
        Paragraph lead = new Paragraph(getTranslation("home.lead"));
        lead.addClassName("gradlab-home-lead");
        Anchor start = new Anchor("lessons/zero-grad", getTranslation("home.start"));
        start.addClassName("gradlab-cta");
        start.setId("start-lesson");
        Div links = new Div(
                card(getTranslation("home.library"), getTranslation("home.library.text"), "library", "open-library"),
                card(getTranslation("home.lab"), getTranslation("home.lab.text"), "lab", "open-lab"));
        links.addClassName("gradlab-home-links");
        add(new H1(getTranslation("home.title")), lead, start, links);
    }

    private static Div card(String title, String text, String href, String id) {
        Anchor link = new Anchor(href, title);
        link.setId(id);
        Div card = new Div(new H2(link), new Paragraph(text));
        card.addClassName("gradlab-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
