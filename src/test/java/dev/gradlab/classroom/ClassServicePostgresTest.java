package dev.gradlab.classroom;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same rules on PostgreSQL, with the same Flyway migrations; skipped (one line) when none is reachable. */
@ExtendWith(PostgresReachable.class)
class ClassServicePostgresTest extends ClassServiceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresReachable.URL);
        registry.add("spring.datasource.username", () -> PostgresReachable.USER);
        registry.add("spring.datasource.password", () -> PostgresReachable.PASSWORD);
    }
}
