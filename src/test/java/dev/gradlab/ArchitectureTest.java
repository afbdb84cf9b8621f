package dev.gradlab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the compiled main classes: the only suite of them. Every rule
 * covers its packages' subpackages ({@code ..}) and fails when it matches no class ({@code allowEmptyShould(false)}),
 * so a renamed or misspelt package makes it fail instead of pass silently; the last test proves that for each rule.
 * Each rule is built from its package names so that test can point it at a misspelt one.
 */
class ArchitectureTest {

    private static final String APP = "dev.gradlab";
    private static final String ENGINE = "dev.gradlab.engine..";
    private static final String SCENARIO = "dev.gradlab.scenario..";
    private static final String CHART = "dev.gradlab.base.ui.chart..";
    private static final String DATA = "dev.gradlab.lab.data..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
    }

    static ArchRule engineDependsOnNothingOfOursNorAFramework(String engine) {
        return noClasses()
                .that()
                .resideInAPackage(engine)
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(engine, "java..", "org.jspecify..", "dev.ludovic.netlib..")
                .because("the engine is plain Java: no other GradLab package, no Spring, Vaadin, Jackson or JPA")
                .allowEmptyShould(false);
    }

    static ArchRule scenarioDoesNotDependOnLabOrCli(String scenario) {
        return noClasses()
                .that()
                .resideInAPackage(scenario)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gradlab.lab..", "dev.gradlab.cli..")
                .because("the data path runs one way: scenario → lab → cli/ui")
                .allowEmptyShould(false);
    }

    static ArchRule scenarioCoreKnowsNoUi(String scenario) {
        return noClasses()
                .that()
                .resideInAPackage(scenario)
                .and()
                .resideOutsideOfPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gradlab.base..", "com.vaadin..")
                .allowEmptyShould(false);
    }

    /** lab/data's package-info promises plain arrays: the model runner, not the data sets, makes tensors of them. */
    static ArchRule dataSetsKnowNothingOfTheEngineOrTheRestOfTheLab(String data) {
        return noClasses()
                .that()
                .resideInAPackage(data)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gradlab.engine..",
                        "dev.gradlab.scenario..",
                        "dev.gradlab.cli..",
                        "dev.gradlab.base..",
                        "dev.gradlab.lab")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gradlab.lab.train..", "dev.gradlab.lab.nograd..", "dev.gradlab.lab.ui..")
                .allowEmptyShould(false);
    }

    static ArchRule onlyUiPackagesAndTheAppShellKnowVaadin(String app) {
        return noClasses()
                .that()
                .resideInAPackage(app + "..")
                .and()
                .resideOutsideOfPackages("..ui..", app)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .allowEmptyShould(false);
    }

    /**
     * The server side is Spring's: the app shell ({@code Application}, {@code GradlabBeans}), sign-in and accounts
     * ({@code account}), the HTTP API ({@code api}), saved scenarios ({@code scenario.store}, JPA), authoring
     * ({@code authoring}), live classes ({@code classroom}) and operations ({@code ops}). Nothing else
     * knows Spring: all of {@code lab} (subpackages and views included), {@code engine}, the scenario format,
     * {@code export}, {@code cli} and {@code base} are plain Java or plain Vaadin.
     */
    static final String[] SPRING_PACKAGES = {
        "dev.gradlab.account..",
        "dev.gradlab.api..",
        "dev.gradlab.scenario.store..",
        "dev.gradlab.authoring..",
        "dev.gradlab.classroom..",
        "dev.gradlab.ops.."
    };

    static ArchRule onlyTheAppShellKnowsSpring(String app) {
        return noClasses()
                .that()
                .resideInAPackage(app + "..")
                .and()
                .resideOutsideOfPackage(app)
                .and()
                .resideOutsideOfPackages(SPRING_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .allowEmptyShould(false);
    }

    /**
     * Plain-Java features never declare themselves beans: they are constructed in {@code dev.gradlab.GradlabBeans}
     * and handed to views and controllers by constructor. Only the Spring packages above use Spring's own
     * stereotypes (controllers, security configuration, JPA services), as Spring needs them there.
     */
    static ArchRule beansAreDeclaredOnlyInTheAppShell(String app) {
        return noClasses()
                .that()
                .resideInAPackage(app + "..")
                .and()
                .resideOutsideOfPackage(app)
                .and()
                .resideOutsideOfPackages(SPRING_PACKAGES)
                .should()
                .beMetaAnnotatedWith(Component.class)
                .because("plain-Java features are declared in dev.gradlab.GradlabBeans, not by @Component/@Service")
                .allowEmptyShould(false);
    }

    static ArchRule noCyclesBetweenAnyPackages(String app) {
        return slices().matching(app + ".(**)").should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** The custom element's tag, its JS module and the npm package name ApexCharts only in {@code base/ui/chart}. */
    static ArchRule onlyTheChartPackageKnowsApexCharts(String chart) {
        return classes()
                .that(MENTION_APEXCHARTS)
                .should()
                .resideInAPackage(chart)
                .allowEmptyShould(false);
    }

    /**
     * Views never touch stores. No repository exists yet, so the subject is every {@code @Route} view (which exist,
     * so the rule cannot pass on an empty match); the objects are Spring Data repositories and {@code ..store..}
     * packages, which pass vacuously until the database arrives — that is this rule's point: it is ready for them.
     */
    static ArchRule viewsNeverTouchRepositories(String app) {
        return noClasses()
                .that()
                .resideInAPackage(app + "..")
                .and()
                .areAnnotatedWith(Route.class)
                .should()
                .dependOnClassesThat(assignableTo("org.springframework.data.repository.Repository"))
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("..store..")
                .allowEmptyShould(false);
    }

    private static final DescribedPredicate<JavaClass> MENTION_APEXCHARTS = DescribedPredicate.describe(
            "mention ApexCharts in @Tag, @JsModule or @NpmPackage",
            c -> c.getAnnotations().stream()
                    .filter(a -> a.getRawType().isEquivalentTo(com.vaadin.flow.component.Tag.class)
                            || a.getRawType().isEquivalentTo(JsModule.class)
                            || a.getRawType().isEquivalentTo(NpmPackage.class))
                    .map(JavaAnnotation::getProperties)
                    .map(Map::values)
                    .flatMap(java.util.Collection::stream)
                    .anyMatch(v -> String.valueOf(v).toLowerCase(Locale.ROOT).contains("apex")));

    @Test
    void the_engine_depends_on_nothing_but_the_jdk_jspecify_and_a_blas_binding() {
        engineDependsOnNothingOfOursNorAFramework(ENGINE).check(classes);
    }

    @Test
    void scenarios_do_not_depend_on_the_lab_or_the_cli() {
        scenarioDoesNotDependOnLabOrCli(SCENARIO).check(classes);
    }

    @Test
    void scenarios_outside_their_ui_know_no_vaadin_and_no_base_ui() {
        scenarioCoreKnowsNoUi(SCENARIO).check(classes);
    }

    @Test
    void the_data_sets_know_nothing_of_the_engine_or_the_rest_of_the_lab() {
        dataSetsKnowNothingOfTheEngineOrTheRestOfTheLab(DATA).check(classes);
    }

    @Test
    void only_ui_packages_and_the_app_shell_know_vaadin() {
        onlyUiPackagesAndTheAppShellKnowVaadin(APP).check(classes);
    }

    @Test
    void only_the_app_shell_knows_spring_so_all_of_lab_is_spring_free() {
        onlyTheAppShellKnowsSpring(APP).check(classes);
    }

    @Test
    void beans_are_declared_only_in_the_app_shell() {
        beansAreDeclaredOnlyInTheAppShell(APP).check(classes);
    }

    @Test
    void there_are_no_cycles_between_any_packages() {
        noCyclesBetweenAnyPackages(APP).check(classes);
    }

    @Test
    void only_base_ui_chart_knows_apexcharts() {
        onlyTheChartPackageKnowsApexCharts(CHART).check(classes);
    }

    @Test
    void views_never_touch_repositories() {
        viewsNeverTouchRepositories(APP).check(classes);
    }

    @Test
    void every_rule_fails_when_its_package_is_misspelt() {
        for (ArchRule rule : new ArchRule[] {
            engineDependsOnNothingOfOursNorAFramework("dev.gradlab.engin.."),
            scenarioDoesNotDependOnLabOrCli("dev.gradlab.scenarios.."),
            scenarioCoreKnowsNoUi("dev.gradlab.scenarios.."),
            dataSetsKnowNothingOfTheEngineOrTheRestOfTheLab("dev.gradlab.lab.datasets.."),
            onlyUiPackagesAndTheAppShellKnowVaadin("dev.gradlabs"),
            onlyTheAppShellKnowsSpring("dev.gradlabs"),
            beansAreDeclaredOnlyInTheAppShell("dev.gradlabs"),
            noCyclesBetweenAnyPackages("dev.gradlabs"),
            viewsNeverTouchRepositories("dev.gradlabs")
        }) {
            assertThatThrownBy(() -> rule.check(classes))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("failed to check any classes");
        }
        // A misspelt chart package does not empty this rule's subject: it turns the real chart element into a
        // violation.
        assertThatThrownBy(() -> onlyTheChartPackageKnowsApexCharts("dev.gradlab.base.ui.charts..")
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ApexChartElement");
    }
}
