package dev.gradlab.scenario;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data path runs one way: scenario → lab → cli/ui, never back. */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Package names are all these rules need: resolving every referenced library class would take seconds.
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            // The compiled main classes only: scanning the whole classpath (Vaadin, Spring) for packages is slow.
            classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void scenario_knows_nothing_of_lab_cli_or_ui() {
        noClasses().that().resideInAPackage("dev.gradlab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradlab.lab..", "dev.gradlab.cli..",
                        "dev.gradlab.base..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void only_the_store_of_saved_scenarios_uses_spring() {
        noClasses().that().resideInAPackage("dev.gradlab.scenario..")
                .and().resideOutsideOfPackage("dev.gradlab.scenario.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void lab_knows_nothing_of_the_cli_or_spring() {
        noClasses().that().resideInAPackage("dev.gradlab.lab")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradlab.cli..", "org.springframework..")
                .check(classes);
    }
}
