package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BuiltInScenariosTest {

    @Test
    void the_built_ins_load_in_teaching_order() {
        assertThat(BuiltInScenarios.all())
                .extracting(Scenario::id)
                .containsExactly(
                        "accumulate-x-squared",
                        "gd-by-hand",
                        "linear-regression-batches",
                        "mlp-explicit-weights",
                        "spiral-mlp",
                        "xor-mlp",
                        "circle-mlp",
                        "gaussian-mlp",
                        "fashion-mnist-mlp");
        assertThat(BuiltInScenarios.find("gd-by-hand")).isPresent();
        assertThat(BuiltInScenarios.find("nope")).isEmpty();
    }

    @Test
    void every_built_in_has_a_title_and_a_description_in_english_and_traditional_chinese() {
        for (Scenario s : BuiltInScenarios.all()) {
            assertThat(s.title().byLanguage()).containsKeys("en", "zh-TW");
            assertThat(s.description()).isNotNull();
            assertThat(s.description().byLanguage()).containsKeys("en", "zh-TW");
            assertThat(s.title().in(Locale.forLanguageTag("zh-TW")))
                    .isNotEqualTo(s.title().in(Locale.ENGLISH));
            assertThat(s.source()).contains("id: " + s.id());
        }
    }

    @Test
    void built_ins_follow_the_issue() {
        var x2 = (ExpressionScenario)
                BuiltInScenarios.find("accumulate-x-squared").orElseThrow();
        assertThat(x2.params().get("x").data()).containsExactly(1, 2, 3);
        assertThat(x2.learningRate()).isZero();
        assertThat(x2.totalBatches()).isEqualTo(5);
        assertThat(x2.strategies()).extracting(GradientStrategy::name).containsExactly("zeroed", "summed");
        var gd = (ManualScenario) BuiltInScenarios.find("gd-by-hand").orElseThrow();
        assertThat(gd.params().get("theta").data()).containsExactly(10);
        assertThat(gd.learningRate()).isEqualTo(1);
        assertThat(gd.gradients()).extracting(g -> g.get("theta").data()[0]).containsExactly(2.0, 1.0, -1.0);
        assertThat(gd.strategies()).extracting(GradientStrategy::name).containsExactly("zeroed", "summed", "averaged");
        assertThat(BuiltInScenarios.find("linear-regression-batches")
                        .orElseThrow()
                        .strategies())
                .hasSize(4);
        assertThat(((ExpressionScenario)
                                BuiltInScenarios.find("mlp-explicit-weights").orElseThrow())
                        .loss()
                        .toString())
                .contains("cross_entropy");
    }
}
