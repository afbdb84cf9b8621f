package dev.gradlab.base.ui.dev;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.gradlab.base.ui.MainLayout;

/**
 * Registers the developer pages ({@code /dev/components}) only when the app runs in development mode; a production
 * build has no such route, so the address gets the not-found page and status 404.
 */
public final class DevRoutes implements VaadinServiceInitListener {

    static final String COMPONENTS = "dev/components";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (registers(event.getSource().getDeploymentConfiguration().isProductionMode())) {
            RouteConfiguration.forApplicationScope().setRoute(COMPONENTS, ComponentsView.class, MainLayout.class);
        }
    }

    static boolean registers(boolean productionMode) {
        return !productionMode;
    }
}
