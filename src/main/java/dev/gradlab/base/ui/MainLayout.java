package dev.gradlab.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.gradlab.base.ui.i18n.Languages;
import java.util.Locale;

/**
 * The shell around every view (applied automatically through {@code @Layout}): a header with the app name, the
 * language switcher and the light/dark toggle, and a side navigation that becomes an overlay drawer on phones.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout {

    /** Session attribute remembering the dark theme across views and reloads. */
    static final String DARK_ATTRIBUTE = "gradlab.dark";

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        addToNavbar(createHeader());
        addToDrawer(createNav());
    }

    private Component createHeader() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));

        Span name = new Span(getTranslation("app.name"));
        name.addClassName("gradlab-app-name");

        HorizontalLayout header = new HorizontalLayout(toggle, name, createLanguageSelect(), createThemeToggle());
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(name);
        header.setWidthFull();
        header.setSpacing(false);
        header.addClassName("gradlab-header");
        return header;
    }

    private Select<Locale> createLanguageSelect() {
        Select<Locale> select = new Select<>();
        select.setItems(Languages.SUPPORTED);
        // Each language is named in itself, so a reader who cannot read the current one still finds theirs.
        select.setItemLabelGenerator(l -> l.equals(Languages.TRADITIONAL_CHINESE) ? "繁體中文" : "English");
        select.setValue(Languages.supportedOrDefault(getLocale()));
        select.setAriaLabel(getTranslation("layout.language"));
        select.setTooltipText(getTranslation("layout.language"));
        select.addClassName("gradlab-language");
        select.setId("language-select");
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchLanguage(e.getValue());
            }
        });
        return select;
    }

    /** Stores the language for the session and rebuilds the current view, so every text is read again. */
    static void switchLanguage(Locale locale) {
        UI ui = UI.getCurrent();
        VaadinSession.getCurrent().setLocale(locale);
        ui.setLocale(locale);
        ui.refreshCurrentRoute(true);
    }

    private Button createThemeToggle() {
        Button button = new Button();
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setId("theme-toggle");
        updateThemeButton(button, isDark());
        button.addClickListener(e -> {
            boolean dark = !isDark();
            VaadinSession.getCurrent().setAttribute(DARK_ATTRIBUTE, dark);
            applyTheme(dark);
            updateThemeButton(button, dark);
        });
        return button;
    }

    private void updateThemeButton(Button button, boolean dark) {
        String label = getTranslation(dark ? "layout.theme.light" : "layout.theme.dark");
        button.setIcon((dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O).create());
        button.setAriaLabel(label);
        button.setTooltipText(label);
    }

    private SideNav createNav() {
        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));

        SideNavItem lessons = new SideNavItem(getTranslation("nav.lessons"));
        lessons.setPrefixComponent(VaadinIcon.ACADEMY_CAP.create());
        lessons.addItem(new SideNavItem(getTranslation("nav.lessons.zero-grad"), "lessons/zero-grad"));
        lessons.addItem(new SideNavItem(getTranslation("nav.lessons.no-grad"), "lessons/no-grad"));
        lessons.setExpanded(true);

        SideNavItem library = new SideNavItem(getTranslation("nav.library"), "library", VaadinIcon.BOOK.create());
        SideNavItem lab = new SideNavItem(getTranslation("nav.lab"), "lab", VaadinIcon.FLASK.create());
        nav.addItem(lessons, library, lab);
        nav.addClassName("gradlab-nav");
        return nav;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        applyTheme(isDark());
        event.getUI().getPage().executeJs("document.documentElement.lang = $0", Languages.tag(getLocale()));
    }

    private static boolean isDark() {
        return Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(DARK_ATTRIBUTE));
    }

    private static void applyTheme(boolean dark) {
        UI.getCurrent().getElement().getThemeList().set(Lumo.DARK, dark);
    }
}
