package dev.gradlab.lab.ui;

import dev.gradlab.lab.LabService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the lab's service a Spring bean for the views. It is declared here rather than annotated in {@code lab},
 * because {@code lab} stays free of Spring (a dependency rule), so the CLI and plain tests use it as is.
 */
@Configuration(proxyBeanMethods = false)
class LabConfiguration {

    /** One instance for the whole app, so its cache of runs and graphs is shared by every browser tab. */
    @Bean
    LabService labService() {
        return new LabService();
    }
}
