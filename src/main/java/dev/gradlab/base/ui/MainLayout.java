package dev.gradlab.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.gradlab.base.ui.i18n.Languages;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The shell around every view (applied automatically through {@code @Layout}): a header with the app name, the
 * language switcher and the light/dark toggle, and a side navigation that becomes an overlay drawer on phones.
 */
@Layout
@AnonymousAllowed
@CssImport("./styles/embed.css")
public final class MainLayout extends AppLayout implements BeforeEnterObserver {

    /** Session attribute remembering the dark theme across views and reloads. */
    static final String DARK_ATTRIBUTE = "gradlab.dark";

    /** Session attribute: the browser's prefers-color-scheme, followed until the user toggles the theme. */
    static final String OS_DARK_ATTRIBUTE = "gradlab.dark.os";

    /** UI data set by the read-only demo: the menu offers no sign-in (the demo refuses those pages anyway). */
    private static final String NO_SIGN_IN = "gradlab.no-sign-in";

    private @Nullable Button themeButton;

    /** The id of the element that holds the current view: the {@code main} landmark the skip link jumps to. */
    static final String MAIN_ID = "main-content";

    private final Main main = new Main();

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        main.setId(MAIN_ID);
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("gradlab-main");
        setContent(main);
        addToNavbar(createSkipLink(), createHeader());
        addToDrawer(createNav(), createAccountNav());
    }

    /**
     * {@code ?embed=true} (a Lab in a course page's iframe): no header, drawer or navigation, only the view; checked
     * on every navigation, so the same tab can leave the embed.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean embed = event.getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault("embed", java.util.List.of())
                .contains("true");
        getElement().getClassList().set("gradlab-embed", embed);
        if (embed) {
            setDrawerOpened(false);
        }
    }

    /**
     * Sign-in for visitors; "My scenarios", "Account" (and "Users" for the admin) and "Sign out" once signed in. The
     * links only lead to pages; each page and service checks the role itself.
     */
    private Component createAccountNav() {
        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("nav.account"));
        nav.addClassName("gradlab-nav");
        nav.setId("account-nav");
        VaadinRequest request = VaadinRequest.getCurrent();
        if (ComponentUtil.getData(UI.getCurrent(), NO_SIGN_IN) != null) {
            nav.setVisible(false);
            return nav;
        }
        if (request == null || request.getUserPrincipal() == null) {
            nav.addItem(new SideNavItem(getTranslation("nav.signin"), "login", VaadinIcon.SIGN_IN.create()));
            return nav;
        }
        if (request.isUserInRole("INSTRUCTOR") || request.isUserInRole("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.my"), "my", VaadinIcon.FILE_TEXT_O.create()));
        }
        if (request.isUserInRole("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.users"), "admin/users", VaadinIcon.USERS.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.account"), "account", VaadinIcon.USER.create()));
        Button signOut = new Button(getTranslation("nav.signout"), VaadinIcon.SIGN_OUT.create());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> {
            // the sign-in lives in the HTTP session: ending the session signs out
            UI.getCurrent().getPage().setLocation("/");
            VaadinSession.getCurrent().getSession().invalidate();
        });
        return new com.vaadin.flow.component.html.Div(nav, signOut);
    }

    /** For a UI of the read-only demo, before its first view: the menu shows no sign-in and no account links. */
    public static void offerNoSignIn(UI ui) {
        ComponentUtil.setData(ui, NO_SIGN_IN, Boolean.TRUE);
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

    /** The first thing Tab reaches: visible when focused, it moves focus past the header and menu to the view. */
    private Anchor createSkipLink() {
        Anchor skip = new Anchor("#" + MAIN_ID, getTranslation("layout.skip"));
        skip.setId("skip-to-content");
        skip.addClassName("gradlab-skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement()
                .executeJs(
                        "this.addEventListener('click', e => { e.preventDefault();"
                                + " const m = document.getElementById($0); if (m) { m.focus(); m.scrollIntoView(); } })",
                        MAIN_ID);
        return skip;
    }

    /**
     * Every view is shown inside one {@code main} element of the layout's own (AppLayout's content has no role of its
     * own), the skip link's target. A wrapper, not the view's element: a view keeps whatever id it gives itself.
     */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
        afterNavigation(); // as AppLayout's own: the phone's drawer closes after a navigation
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
        themeButton = button;
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

        // Flat on purpose: a parent item's expand button carries aria-controls pointing into its shadow root, which
        // assistive technology (and axe) cannot resolve; "Lessons:" in each label keeps the grouping.
        String lessons = getTranslation("nav.lessons") + ": ";
        SideNavItem zeroGrad = new SideNavItem(
                lessons + getTranslation("nav.lessons.zero-grad"),
                "lessons/zero-grad",
                VaadinIcon.ACADEMY_CAP.create());
        SideNavItem noGrad = new SideNavItem(
                lessons + getTranslation("nav.lessons.no-grad"), "lessons/no-grad", VaadinIcon.ACADEMY_CAP.create());

        SideNavItem library = new SideNavItem(getTranslation("nav.library"), "library", VaadinIcon.BOOK.create());
        SideNavItem lab = new SideNavItem(getTranslation("nav.lab"), "lab", VaadinIcon.FLASK.create());
        SideNavItem classes = new SideNavItem(getTranslation("nav.classes"), "join", VaadinIcon.GROUP.create());
        nav.addItem(zeroGrad, noGrad, library, lab, classes);
        nav.addClassName("gradlab-nav");
        return nav;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        applyTheme(isDark());
        event.getUI().getPage().executeJs("document.documentElement.lang = $0", Languages.tag(getLocale()));
        VaadinSession session = VaadinSession.getCurrent();
        if (session.getAttribute(DARK_ATTRIBUTE) == null) { // not toggled yet: follow the operating system
            event.getUI()
                    .getPage()
                    .executeJs("return !!(window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches)")
                    .then(Boolean.class, os -> {
                        session.setAttribute(OS_DARK_ATTRIBUTE, os);
                        if (session.getAttribute(DARK_ATTRIBUTE) == null) {
                            applyTheme(os);
                            Button b = themeButton;
                            if (b != null) {
                                updateThemeButton(b, os);
                            }
                        }
                    });
        }
    }

    /** The user's choice if they toggled, else the operating system's preference (light until it is known). */
    private static boolean isDark() {
        VaadinSession session = VaadinSession.getCurrent();
        Object chosen = session.getAttribute(DARK_ATTRIBUTE);
        return Boolean.TRUE.equals(chosen != null ? chosen : session.getAttribute(OS_DARK_ATTRIBUTE));
    }

    private static void applyTheme(boolean dark) {
        UI.getCurrent().getElement().getThemeList().set(Lumo.DARK, dark);
    }
}
