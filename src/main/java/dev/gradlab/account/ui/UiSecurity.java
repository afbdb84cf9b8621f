package dev.gradlab.account.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The UI's chain: Vaadin's configurer (CSRF on, navigation checked by each view's annotation, every other request permitted) with form sign-in at
 * {@code /login}. Form sign-in shares the throttled authentication provider with the API's HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        // Every other request reaches Vaadin, whose navigation access control checks each view's annotation
        // (@AnonymousAllowed, @RolesAllowed): so an unknown address gets the translated 404 page and static files
        // such as the favicon are served, instead of a redirect to the sign-in page.
        // X-Frame-Options and the CSP come from dev.gradlab.base.web.SecurityHeaders (SAMEORIGIN, none for embeds)
        http.headers(h -> h.frameOptions(f -> f.disable()));
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class, "/")
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }
}
