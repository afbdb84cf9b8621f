package dev.gradlab.classroom.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses how class events travel: in memory for now (one instance). */
@Configuration(proxyBeanMethods = false)
class ClassEventsConfiguration {

    @Bean
    ClassEvents classEvents() {
        return new InProcessClassEvents();
    }
}
