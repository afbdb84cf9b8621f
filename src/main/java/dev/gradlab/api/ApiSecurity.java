package dev.gradlab.api;

import dev.gradlab.account.SignInThrottledException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security for {@code /api/**} only (the UI has its own chain): stateless HTTP Basic, no CSRF (no cookies are
 * involved), reads open to anyone (the store hides private scenarios), writes for instructors and the admin,
 * accounts for the admin. Refusals are JSON: 401, 403, and 429 for a throttled username.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, failure) -> {
            if (failure instanceof SignInThrottledException) {
                ApiError.write(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        java.util.Objects.requireNonNullElse(failure.getMessage(), failure.toString()));
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"GradLab\"");
                ApiError.write(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "sign in with HTTP Basic: an instructor's or the admin's username and password");
            }
        };
        http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.frameOptions(f -> f.disable())) // SecurityHeaders sends X-Frame-Options: SAMEORIGIN
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) ->
                                ApiError.write(response, HttpStatus.FORBIDDEN, "your account may not do this")))
                .authorizeHttpRequests(a -> a.requestMatchers("/api/users", "/api/users/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/scenarios", "/api/scenarios/**")
                        .permitAll()
                        .requestMatchers("/api/scenarios", "/api/scenarios/**")
                        .hasAnyRole("ADMIN", "INSTRUCTOR")
                        .requestMatchers("/api/classes", "/api/classes/**")
                        .hasAnyRole("ADMIN", "INSTRUCTOR")
                        .anyRequest()
                        .permitAll());
        return http.build();
    }
}
