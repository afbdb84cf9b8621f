package dev.gradlab.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/**} has a chain of its own, ahead of the UI's: stateless (a probe or a scrape never opens a session,
 * so it never counts against the crowd guard's cap), no CSRF, no sign-in. What it may reach is limited by exposure
 * ({@code management.endpoints.web.exposure.include=health,prometheus}); everything else under it is 404.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.frameOptions(f -> f.disable())) // dev.gradlab.base.web.SecurityHeaders sends them
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                // anything else under /actuator is 404 here, before Vaadin could answer it (and open a session)
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> response.sendError(404))
                        .authenticationEntryPoint((request, response, failure) -> response.sendError(404)))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness",
                                "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
