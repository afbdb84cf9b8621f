package dev.gradlab.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.account.SignInThrottledException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;

/** {@code /login}: Vaadin's sign-in form, in the reader's language; a throttled username gets its own message. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();

    public LoginView() {
        addClassName("gradlab-login");
        form.setAction("login");
        form.setI18n(i18n(false));
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setI18n(i18n(lastFailureWasThrottle()));
            form.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.heading") + " · GradLab";
    }

    private static boolean lastFailureWasThrottle() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getSession(false);
        return session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInThrottledException;
    }

    private LoginI18n i18n(boolean throttled) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.heading"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(throttled ? "login.throttled.title" : "login.error.title"));
        error.setMessage(getTranslation(throttled ? "login.throttled.message" : "login.error.message"));
        return i18n;
    }
}
