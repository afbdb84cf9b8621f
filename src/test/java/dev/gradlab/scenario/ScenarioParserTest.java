package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    private static final String REGRESSION = """
            id: reg
            title: {en: Regression, zh-TW: 迴歸}
            kind: expression
            learningRate: 0.1
            optimizer: {type: sgd, momentum: 0.9, weightDecay: 0.01}
            strategies: [zeroed, {accumulate: 3}, averaged]
            params: {w: 0.5, b: 0, W: [[1, 2], [3, 4], [5, 6]]}
            data:
              x: [1, 2, 3, 4, 5]
              y: [2, 4, 6, 8, 10]
            batchSize: 2
            epochs: 4
            loss: "mean((w*x + b - y)^2) + sum(W^2)"
            """;

    @Test
    void a_valid_file_becomes_a_scenario_with_shapes_batches_and_defaults() throws Exception {
        Scenario parsed = ScenarioParser.parse(REGRESSION, "reg.yaml");
        assertThat(parsed).isInstanceOf(ExpressionScenario.class);
        var s = (ExpressionScenario) parsed;
        assertThat(s.id()).isEqualTo("reg");
        assertThat(s.title().in(Locale.TRADITIONAL_CHINESE)).isEqualTo("迴歸");
        assertThat(s.title().in(Locale.ENGLISH)).isEqualTo("Regression");
        assertThat(s.description()).isNull();
        assertThat(s.kind()).isEqualTo(Scenario.Kind.EXPRESSION);
        assertThat(s.strategies())
                .extracting(GradientStrategy::name)
                .containsExactly("zeroed", "accumulate-3", "averaged");
        assertThat(s.optimizer().momentum()).isEqualTo(0.9);
        assertThat(s.optimizer().weightDecay()).isEqualTo(0.01);
        assertThat(s.params().keySet()).containsExactly("w", "b", "W");
        assertThat(s.params().get("w").shape()).isEmpty();
        assertThat(s.params().get("W").shape()).containsExactly(3, 2);
        assertThat(s.params().get("W").data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.batchesPerEpoch()).isEqualTo(3);
        assertThat(s.totalBatches()).isEqualTo(12);
        assertThat(s.batchData(2).get("x").data()).containsExactly(5);
        assertThat(s.batchData(1).get("y").data()).containsExactly(6, 8);
        assertThat(s.source()).isEqualTo(REGRESSION);
        assertThat(s.lossText()).isEqualTo("mean((w*x + b - y)^2) + sum(W^2)");
        assertThat(s.fileName()).isEqualTo("reg.yaml");
    }

    @Test
    void defaults_are_three_strategies_plain_sgd_one_epoch_and_one_step() throws Exception {
        Scenario s = ScenarioParser.parse("""
                {"id": "j", "title": "J", "kind": "expression", "learningRate": 1,
                 "params": {"x": [1, 2]}, "loss": "sum(x)"}
                """, "j.json");
        assertThat(s.strategies()).extracting(GradientStrategy::name).containsExactly("zeroed", "summed", "averaged");
        assertThat(s.optimizer()).isEqualTo(OptimizerSpec.sgd());
        assertThat(s.epochs()).isEqualTo(1);
        assertThat(s.totalBatches()).isEqualTo(1);
        assertThat(s.title().in(Locale.TRADITIONAL_CHINESE)).isEqualTo("J");
    }

    @Test
    void a_manual_scenario_keeps_its_batches_in_order() throws Exception {
        Scenario s = ScenarioParser.parse("""
                id: m
                title: M
                kind: manual
                learningRate: 1
                params: {a: 1, v: [0, 0]}
                gradients:
                  - {a: 2}
                  - {v: [1, -1]}
                  - {}
                """, "m.yaml");
        assertThat(s).isInstanceOf(ManualScenario.class); // no loss: the gradients stand in for backward()
        var m = (ManualScenario) s;
        assertThat(m.gradients()).hasSize(3);
        assertThat(m.gradients().get(0).keySet()).containsExactly("a");
        assertThat(m.gradients().get(1).get("v").data()).containsExactly(1, -1);
        assertThat(m.gradients().get(2)).isEmpty();
    }

    @Test
    void an_error_names_the_file_the_line_the_field_and_the_cause() {
        String text = REGRESSION.replace("y: [2, 4, 6, 8, 10]", "y: [2, 4, .nan, 8, 10]");
        assertThatThrownBy(() -> ScenarioParser.parse(text, "reg.yaml"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.field()).isEqualTo("data.y[2]");
                    assertThat(e.getMessage()).isEqualTo("reg.yaml: line 10, data.y[2]: not a finite number: .nan");
                });
    }

    @Test
    void a_loss_error_gives_the_loss_line_and_the_position_in_the_expression() {
        String text = REGRESSION.replace("sum(W^2)", "sum(V^2)");
        assertThatThrownBy(() -> ScenarioParser.parse(text, "reg.yaml"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.line()).isEqualTo(13);
                    assertThat(e.position()).isEqualTo(29);
                    assertThat(e.getMessage()).startsWith("reg.yaml: line 13, loss, position 29: unknown name 'V'");
                });
    }

    @Test
    void a_shorter_last_batch_is_checked_too() {
        // Five rows in batches of 3: x @ xᵀ is [3, 3] for the first batch (fits w) but [2, 2] for the last one.
        String text = """
                id: t
                title: T
                kind: expression
                learningRate: 1
                params: {w: [1, 2, 3]}
                data: {x: [[1], [2], [3], [4], [5]]}
                batchSize: 3
                loss: "sum(x @ transpose(x) * w)"
                """;
        assertThatThrownBy(() -> ScenarioParser.parse(text, "t.yaml")).hasMessageContaining("[2, 2] and [3]");
    }

    @Test
    void field_paths_use_dots_and_brackets() {
        assertThat(SourceTree.field("/gradients/1/theta")).isEqualTo("gradients[1].theta");
        assertThat(SourceTree.field("/params/W/0/1")).isEqualTo("params.W[0][1]");
    }
}
