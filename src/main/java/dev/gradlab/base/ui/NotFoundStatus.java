package dev.gradlab.base.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives the first HTML of an address that names no route the status 404. Vaadin renders the view in a later request,
 * so {@link NotFoundView}'s own status would only reach that request; link checkers and crawlers see this one.
 */
public final class NotFoundStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            String path = response.getVaadinRequest().getPathInfo();
            if (!isRoute(path == null ? "" : path)) {
                response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        });
    }

    static boolean isRoute(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return RouteConfiguration.forApplicationScope().getRoute(trimmed).isPresent();
    }
}
