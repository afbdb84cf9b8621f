package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind is its own record, read from its built-in file; the expected values are the files' own text. */
class ScenarioKindsTest {

    private static Scenario builtIn(String id) {
        return BuiltInScenarios.find(id).orElseThrow();
    }

    /** Parsing a scenario's own source again gives the same kind and the same common fields. */
    private static Scenario reparsed(Scenario s) throws ScenarioException {
        Scenario again = ScenarioParser.parse(s.source(), s.fileName());
        assertThat(again.getClass()).isEqualTo(s.getClass());
        assertThat(again.common()).isEqualTo(s.common());
        return again;
    }

    @Test
    void gd_by_hand_is_a_manual_scenario_with_its_params_and_gradients() throws Exception {
        Scenario s = builtIn("gd-by-hand");
        assertThat(s).isInstanceOf(ManualScenario.class);
        assertThat(s.kind()).isEqualTo(Scenario.Kind.MANUAL);
        var m = (ManualScenario) reparsed(s);
        assertThat(m.params()).containsOnlyKeys("theta");
        assertThat(m.params().get("theta").data()).containsExactly(10);
        assertThat(m.gradients()).extracting(g -> g.get("theta").data()[0]).containsExactly(2.0, 1.0, -1.0);
        assertThat(m.learningRate()).isEqualTo(1.0);
        assertThat(m.batchesPerEpoch()).isEqualTo(3);
    }

    @Test
    void accumulate_x_squared_is_an_expression_scenario_with_its_loss_and_steps() throws Exception {
        Scenario s = builtIn("accumulate-x-squared");
        assertThat(s).isInstanceOf(ExpressionScenario.class);
        assertThat(s.kind()).isEqualTo(Scenario.Kind.EXPRESSION);
        var e = (ExpressionScenario) reparsed(s);
        assertThat(e.lossText()).isEqualTo("sum(x^2)");
        assertThat(e.params().get("x").data()).containsExactly(1, 2, 3);
        assertThat(e.data()).isEmpty();
        assertThat(e.batchSize()).isZero();
        assertThat(e.steps()).isEqualTo(5);
        assertThat(e.strategies()).containsExactly(GradientStrategy.ZEROED, GradientStrategy.SUMMED);
    }

    @Test
    void spiral_mlp_is_a_model_scenario_whose_common_fields_are_not_repeated() throws Exception {
        Scenario s = builtIn("spiral-mlp");
        assertThat(s).isInstanceOf(ModelScenario.class);
        assertThat(s.kind()).isEqualTo(Scenario.Kind.MODEL);
        var m = (ModelScenario) s;
        assertThat(reparsed(s)).isEqualTo(m);
        assertThat(m.dataset()).isEqualTo("spiral");
        assertThat(m.samples()).isEqualTo(400);
        assertThat(m.layers()).containsExactly(2, 64, 64, 2);
        assertThat(m.activation()).isEqualTo("relu");
        assertThat(m.seed()).isEqualTo(42);
        assertThat(m.batchSize()).isEqualTo(10);
        assertThat(m.epochs()).isEqualTo(50);
        assertThat(m.learningRate()).isEqualTo(0.005);
        assertThat(m.optimizer().type()).isEqualTo(OptimizerSpec.Type.ADAM);
        assertThat(m.strategies())
                .extracting(GradientStrategy::name)
                .containsExactly("zeroed", "summed", "averaged", "accumulate-4");
        // 400 samples, 100 held out: 300 in batches of 10
        assertThat(m.batchesPerEpoch()).isEqualTo(30);
        assertThat(m.totalBatches()).isEqualTo(30L * 50);
    }

    @Test
    void copies_with_other_strategies_or_epochs_keep_the_kind_and_everything_else() {
        var m = (ModelScenario) builtIn("spiral-mlp");
        ModelScenario fewer = m.withStrategies(List.of(GradientStrategy.ZEROED)).withEpochs(2);
        assertThat(fewer.strategies()).containsExactly(GradientStrategy.ZEROED);
        assertThat(fewer.epochs()).isEqualTo(2);
        assertThat(fewer.layers()).containsExactly(m.layers());
        assertThat(fewer.id()).isEqualTo(m.id());
        Scenario manual = builtIn("gd-by-hand").withEpochs(3);
        assertThat(manual).isInstanceOf(ManualScenario.class);
        assertThat(manual.totalBatches()).isEqualTo(9);
    }

    @Test
    void match_calls_exactly_the_function_of_the_scenarios_kind() {
        // the kinds as written in the files
        var kinds =
                java.util.Map.of("gd-by-hand", "manual", "accumulate-x-squared", "expression", "spiral-mlp", "model");
        kinds.forEach(
                (id, kind) -> assertThat(builtIn(id).<String>match(m -> "manual", e -> "expression", m -> "model"))
                        .as(id)
                        .isEqualTo(kind));
    }
}
