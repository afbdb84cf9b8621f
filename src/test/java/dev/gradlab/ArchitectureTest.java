package dev.gradlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gradlab");
    }

    @Test
    void the_engine_depends_on_nothing_but_the_jdk_jspecify_and_a_blas_binding() {
        noClasses().that().resideInAPackage("dev.gradlab.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.gradlab.engine..", "java..", "org.jspecify..", "dev.ludovic.netlib..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void scenarios_do_not_depend_on_the_lab_or_the_ui() {
        noClasses().that().resideInAPackage("dev.gradlab.scenario..")
                .and().resideOutsideOfPackage("dev.gradlab.scenario.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradlab.lab..", "com.vaadin..", "dev.gradlab.base.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void only_ui_packages_and_the_app_shell_know_vaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..", "dev.gradlab")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("dev.gradlab.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }
}
