package dev.gradlab.ops.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.gradlab.base.ui.MainLayout;
import dev.gradlab.ops.DemoMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's rule inside an open page ({@code gradlab.demo=true}): a link followed in the page is a Vaadin navigation,
 * a round trip that {@link DemoMode}'s HTTP filter never sees, so every navigation to a page the demo hides (sign-in
 * and all behind it) is turned into the not-found page here, on the server. The menu then offers no sign-in either.
 */
@Component
@ConditionalOnProperty(name = "gradlab.demo", havingValue = "true")
class DemoNavigation implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            MainLayout.offerNoSignIn(e.getUI());
            e.getUI().addBeforeEnterListener(DemoNavigation::refuseHidden);
        });
    }

    static void refuseHidden(BeforeEnterEvent event) {
        if (DemoMode.hidden("GET", "/" + event.getLocation().getPath())) {
            event.rerouteToError(NotFoundException.class);
        }
    }
}
