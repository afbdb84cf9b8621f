package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.gradlab.base.ui.formula.Formula;

/**
 * The look the class pages share, set from Java so that it needs no rebuilt front-end bundle: touch targets of at
 * least 44 × 44 px (students answer on phones), the question box, and formulas that scroll rather than overflow.
 */
final class ClassStyles {

    private static final String TOUCH = "44px";

    private ClassStyles() {}

    /** Lumo's buttons, fields and selects inside {@code view} become 44 px high instead of 36. */
    static void touchTargets(Component view) {
        view.getElement().getStyle().set("--lumo-size-m", TOUCH);
    }

    /** A link with a 44 px high target (text links are only a line high). */
    static <C extends Component> C touchLink(C link) {
        link.getElement()
                .getStyle()
                .set("display", "inline-flex")
                .set("align-items", "center")
                .set("min-height", TOUCH)
                .set("overflow-wrap", "anywhere");
        return link;
    }

    /** One question's box; its parts stack, each as wide as it needs (a button does not sit beside the options). */
    static Div questionBox(String id) {
        Div box = new Div();
        box.setId(id);
        box.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-m)")
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("align-items", "flex-start")
                .set("gap", "var(--lumo-space-xs)")
                .set("box-sizing", "border-box")
                .set("max-width", "100%");
        return box;
    }

    /** An option's text as a 44 px high radio label; a line of code keeps its indentation, in a monospace font. */
    static Span option(String text, boolean code) {
        Span s = new Span(text);
        s.getStyle().set("display", "inline-flex").set("align-items", "center").set("min-height", TOUCH);
        if (code) {
            s.getStyle()
                    .set("white-space", "pre-wrap") // indentation kept, and a long line wraps on a phone
                    .set("overflow-wrap", "anywhere")
                    .set("max-width", "100%")
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("font-family", "var(--lumo-font-family-monospace, monospace)");
        }
        return s;
    }

    /** A displayed formula that scrolls sideways on a narrow phone instead of widening the page. */
    static Div formula(String latex) {
        Div box = new Div(Formula.display(latex));
        box.getStyle().set("overflow-x", "auto").set("max-width", "100%").set("align-self", "stretch");
        return box;
    }
}
