package dev.gradlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.communication.PushMode;

/**
 * Server push for the pages that need it, and only for them. A page pushes when something happens off its request
 * thread: a model training, a class event, a timing in the no_grad lesson, an upload. Every other page (home, the
 * library, a stepped Lab page, the zero_grad lesson) never pushes, and an open push connection is a WebSocket with
 * its own buffers on the server (about 0.16 MB on Tomcat with Vaadin's 16 kB message buffers): so the app shell
 * leaves push off, and a page that needs it turns it on for its UI when it is attached. Flow's client then loads the
 * push script and connects; anything pushed before the connection is up is sent once it is.
 */
public final class PushOnDemand {

    private PushOnDemand() {}

    /** Turns push on for the UI that {@code page} is attached to, on every attach (a language switch re-attaches). */
    public static void need(Component page) {
        page.addAttachListener(e -> enable(e.getUI()));
    }

    /** Turns push on for {@code ui} now (once on, it stays on for the UI's life). */
    private static void enable(UI ui) {
        if (!ui.getPushConfiguration().getPushMode().isEnabled()) {
            ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        }
    }
}
