package dev.gradlab.classroom.events;

import java.sql.DriverManager;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses how class events travel, by the app's database: on PostgreSQL through {@code LISTEN/NOTIFY}, so that
 * replicas sharing the database see each other's events; otherwise (the embedded H2, one instance) in memory. Spring
 * calls the bus's {@code close()} on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class ClassEventsConfiguration {

    @Bean
    ClassEvents classEvents(DataSourceProperties dataSource) {
        String url = dataSource.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            Properties login = new Properties();
            putIfSet(login, "user", dataSource.determineUsername());
            putIfSet(login, "password", dataSource.determinePassword());
            login.setProperty("ApplicationName", "gradlab class events"); // tells operators what the connections are
            return new PostgresClassEvents(() -> DriverManager.getConnection(url, login));
        }
        return new InProcessClassEvents();
    }

    private static void putIfSet(Properties p, String key, @Nullable String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
