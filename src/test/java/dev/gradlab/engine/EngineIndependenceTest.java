package dev.gradlab.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine can be read and reused alone: it imports nothing of the app and no framework. */
class EngineIndependenceTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gradlab.engine");

    @Test
    void the_engine_depends_on_no_other_gradlab_package_and_no_framework() {
        noClasses().that().resideInAPackage("dev.gradlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.gradlab.scenario..", "dev.gradlab.lab..", "dev.gradlab.cli..", "dev.gradlab.base..",
                        "org.springframework..", "com.vaadin..", "com.fasterxml..", "jakarta..")
                .check(ENGINE);
    }
}
