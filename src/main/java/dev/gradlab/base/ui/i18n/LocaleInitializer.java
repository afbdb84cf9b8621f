package dev.gradlab.base.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collections;

/** Gives each new session the language its browser prefers (Accept-Language), before any view is built. */
public class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> {
            var preferred = Collections.list(e.getRequest().getLocales());
            e.getSession().setLocale(Languages.fromBrowser(preferred));
        });
    }
}
