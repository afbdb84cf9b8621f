package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

/**
 * Where a student's browser keeps its class token: the session (a reload stays in the class) and a cookie (a new
 * session, or another replica, still knows the student). The token only identifies the student to the class.
 */
final class StudentTokens {

    private static final String PREFIX = "gl-class-";

    private StudentTokens() {}

    static @Nullable String get(String code) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(PREFIX + code) instanceof String token) {
            return token;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ((PREFIX + code).equals(c.getName()) && c.getValue().matches("[A-Za-z0-9_-]{20,64}")) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    static void put(UI ui, String code, String token) {
        VaadinSession.getCurrent().setAttribute(PREFIX + code, token);
        ui.getPage()
                .executeJs(
                        "document.cookie = $0 + '=' + $1 + '; path=/; max-age=' + (5 * 3600) + '; SameSite=Lax'"
                                + " + (location.protocol === 'https:' ? '; Secure' : '')",
                        PREFIX + code,
                        token);
    }
}
