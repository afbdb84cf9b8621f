package dev.gradlab.scenario;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data path runs one way: scenario → lab → cli/ui, never back. */
class DependencyRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gradlab.scenario", "dev.gradlab.lab", "dev.gradlab.cli");

    @Test
    void scenario_knows_nothing_of_lab_cli_or_ui() {
        noClasses().that().resideInAPackage("dev.gradlab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradlab.lab..", "dev.gradlab.cli..",
                        "dev.gradlab.base..", "com.vaadin..", "org.springframework..")
                .check(classes);
    }

    @Test
    void lab_knows_nothing_of_the_cli_or_spring() {
        noClasses().that().resideInAPackage("dev.gradlab.lab")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradlab.cli..", "org.springframework..")
                .check(classes);
    }
}
