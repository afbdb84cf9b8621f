package dev.gradlab.scenario.store;

import dev.gradlab.PostgresAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same rules on PostgreSQL, with the same Flyway migrations; skipped (one line) when none is reachable. */
@ExtendWith(PostgresAvailable.class)
class ScenarioStorePostgresTest extends ScenarioStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresAvailable.URL);
        registry.add("spring.datasource.username", () -> PostgresAvailable.USER);
        registry.add("spring.datasource.password", () -> PostgresAvailable.PASSWORD);
    }
}
