package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.base.ui.markdown.Markdown;
import dev.gradlab.lab.LabService;
import dev.gradlab.scenario.Scenario;
import java.util.stream.Collectors;

/** Every scenario as a card: localized title, kind, strategies, size, and a link that opens it in the Lab. */
@Route("library")
@AnonymousAllowed
@CssImport("./styles/views.css")
public class LibraryView extends Div implements HasDynamicTitle {

    public LibraryView(LabService lab) {
        addClassName("gradlab-page");
        add(new H1(getTranslation("library.title")), new Paragraph(getTranslation("library.intro")));
        Div cards = new Div();
        cards.addClassName("gradlab-cards");
        cards.setId("scenario-cards");
        lab.scenarios().forEach(s -> cards.add(card(s)));
        add(cards);
    }

    private Div card(Scenario s) {
        Div card = new Div();
        card.addClassName("gradlab-card");
        card.setId("scenario-" + s.id());
        Span builtIn = new Span(getTranslation("library.builtin"));
        builtIn.getElement().getThemeList().add("badge contrast small");
        Span kind = new Span(getTranslation(
                switch (s.kind()) {
                    case MANUAL -> "library.kind.manual";
                    case EXPRESSION -> "library.kind.expression";
                    case MODEL -> "library.kind.model";
                }));
        kind.getElement().getThemeList().add("badge small");
        Div badges = new Div(builtIn, kind);
        badges.addClassName("gradlab-badges");
        card.add(new H2(s.title().in(getLocale())), badges);
        if (s.description() != null) {
            Html description = Markdown.component(s.description().in(getLocale()));
            description.addClassName("gradlab-muted");
            card.add(description);
        }
        String strategies =
                s.strategies().stream().map(n -> StrategyText.label(this, n)).collect(Collectors.joining(", "));
        card.add(new Paragraph(getTranslation("library.strategies", strategies)));
        card.add(new Paragraph(getTranslation("library.batches", s.totalBatches())));
        Anchor open = new Anchor("lab/" + s.id(), getTranslation("library.open"));
        open.addClassName("gradlab-cta");
        open.setId("open-" + s.id());
        card.add(open);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.title") + " · GradLab";
    }
}
