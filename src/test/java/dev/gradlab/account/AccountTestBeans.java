package dev.gradlab.account;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a store or service test on the real database needs beside its own classes to create accounts: a clock the test
 * can move (starting 2026-03-01 10:00 UTC) and the app's password encoder. {@code @Import} it with the classes under
 * test.
 */
@TestConfiguration
public class AccountTestBeans {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
