package dev.gradlab.classroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

class ClassEventsConfigurationTest {

    @Test
    void the_embedded_database_gets_the_in_memory_bus_and_postgresql_the_listen_notify_one() throws Exception {
        DataSourceProperties h2 = new DataSourceProperties();
        h2.setUrl("jdbc:h2:file:./data/gradlab;WRITE_DELAY=0");
        DataSourceProperties postgres = new DataSourceProperties();
        postgres.setUrl("jdbc:postgresql://localhost:1/nowhere"); // no server: the bus keeps trying in the background
        postgres.setUsername("gradlab");

        ClassEvents embedded = new ClassEventsConfiguration().classEvents(h2);
        ClassEvents shared = new ClassEventsConfiguration().classEvents(postgres);
        try {
            assertThat(embedded).isInstanceOf(InProcessClassEvents.class);
            assertThat(shared).isInstanceOf(PostgresClassEvents.class);
        } finally {
            ((AutoCloseable) embedded).close();
            ((AutoCloseable) shared).close();
        }
    }
}
