package dev.gradlab.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Lets services state their own role rules ({@code @PreAuthorize}), so no entry point depends on a button. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurity {}
