package dev.gradlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Test-only page (test class path): a view that gives itself an id, which the layout must leave alone. */
@Route("test/own-id")
@AnonymousAllowed
public class OwnIdTestView extends Div {

    public OwnIdTestView() {
        setId("own-id");
        add(new Paragraph("A view with an id of its own."));
    }
}
