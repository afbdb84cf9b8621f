package dev.gradlab.ops;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The read-only public demo, {@code gradlab.demo=true}. On the server, ahead of Spring Security and Vaadin: sign-in
 * and everything behind it ({@code /login}, {@code /logout}, {@code /account}, {@code /admin/**}, {@code /edit/**},
 * {@code /my}, {@code /classes/**}; not the students' {@code /join} and {@code /class/**}) and every write of the API (anything but GET, HEAD and OPTIONS under {@code /api}) answer 404, as if they did not
 * exist. The other switches sit where their rule lives: the store finds only built-ins and public scenarios, the admin
 * bootstrap writes nothing, and the training caps are {@code gradlab.demo.training.*} (see {@code GradlabBeans}).
 * Navigation inside an open page never reaches this filter: {@code ops.ui.DemoNavigation} applies {@link #hidden} there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gradlab.demo", havingValue = "true")
public class DemoMode {

    @Bean
    FilterRegistrationBean<HttpFilter> demoModeFilter() {
        FilterRegistrationBean<HttpFilter> registration = new FilterRegistrationBean<>(new ReadOnly());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Whether the demo hides {@code method path} (path without the context path). */
    public static boolean hidden(String method, String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
        }
        for (String prefix : new String[] {"/login", "/logout", "/account", "/admin", "/edit", "/my", "/classes"}) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    static final class ReadOnly extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (hidden(request.getMethod(), path)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
