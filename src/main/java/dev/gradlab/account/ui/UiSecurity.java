package dev.gradlab.account.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The UI's chain: Vaadin's configurer (CSRF on, navigation checked by each view's annotation) with form sign-in at
 * {@code /login}. Form sign-in shares the throttled authentication provider with the API's HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/"));
        return http.build();
    }
}
