package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import dev.gradlab.lab.SharedScenarios;
import dev.gradlab.scenario.Scenario;
import java.util.stream.Collectors;

/** Every scenario as a card: localized title, kind, strategies, size, and a link that opens it in the Lab. */
@Route("library")
@AnonymousAllowed
@CssImport("./styles/views.css")
public class LibraryView extends Div implements HasDynamicTitle {

    private final SharedScenarios shared;

    public LibraryView(LabService lab, SharedScenarios shared) {
        this.shared = shared;
        addClassName("gradlab-page");
        add(new H1(getTranslation("library.title")), new Paragraph(getTranslation("library.intro")));
        Div cards = new Div();
        cards.addClassName("gradlab-cards");
        cards.setId("scenario-cards");
        lab.scenarios().forEach(s -> cards.add(card(s, s.id(), true)));
        shared.listPublic().forEach(l -> cards.add(card(l.scenario(), l.slug(), false)));
        add(cards);
    }

    /** A card; {@code key} is a built-in's id or a saved scenario's slug (its address and its element ids). */
    private Div card(Scenario s, String key, boolean isBuiltIn) {
        Div card = new Div();
        card.addClassName("gradlab-card");
        card.setId("scenario-" + key);
        Span builtIn = new Span(getTranslation(isBuiltIn ? "library.builtin" : "library.public"));
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
        Anchor open = new Anchor((isBuiltIn ? "lab/" : "s/") + key, getTranslation("library.open"));
        open.addClassName("gradlab-cta");
        open.setId("open-" + key);
        card.add(open);
        if (shared.canFork()) {
            // the service checks the signed-in instructor again: the button only offers
            Paragraph refused = new Paragraph();
            refused.setId("fork-status-" + key);
            refused.getElement().setAttribute("role", "status");
            refused.addClassName("gradlab-fork-status");
            Button fork = new Button(getTranslation("library.fork"), e -> {
                try {
                    String copy = shared.fork(key);
                    getUI().ifPresent(ui -> ui.navigate("edit/" + copy));
                } catch (SharedScenarios.ForkRefused r) {
                    refused.setText(refusal(r));
                }
            });
            fork.setId("fork-" + key);
            fork.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            card.add(fork, refused);
        }
        return card;
    }

    /** Why a copy was refused, in the reader's language (the service's line is English). */
    private String refusal(SharedScenarios.ForkRefused r) {
        return switch (r.why()) {
            case SIGN_IN -> getTranslation("authoring.refused.sign-in");
            case LIMIT -> getTranslation("authoring.refused.limit", r.limit());
            case NOT_FOUND -> getTranslation("authoring.refused.not-found");
            case OTHER -> getTranslation("library.fork.refused", r.getMessage());
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.title") + " · GradLab";
    }
}
