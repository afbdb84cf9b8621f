package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gradlab.engine.GraphView;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service is plain Java: these tests construct it without Spring. */
class LabServiceTest {

    private final LabService lab = new LabService();

    private Scenario scenario(String id) {
        return lab.scenario(id).orElseThrow();
    }

    @Test
    void the_built_in_scenarios_come_first_in_teaching_order() {
        assertThat(lab.scenarios())
                .extracting(Scenario::id)
                .startsWith("accumulate-x-squared", "gd-by-hand", "linear-regression-batches", "mlp-explicit-weights");
        assertThat(lab.scenario("no-such-scenario")).isEmpty();
    }

    @Test
    void runs_are_cached_per_scenario_and_strategies() {
        Scenario s = scenario("gd-by-hand");
        assertThat(lab.run(s, GradientStrategy.parseAll("zeroed", "summed")))
                .isSameAs(lab.run(s, GradientStrategy.parseAll("zeroed", "summed")));
        assertThat(lab.run(s, GradientStrategy.parseAll("summed")))
                .isNotSameAs(lab.run(s, GradientStrategy.parseAll("zeroed", "summed")));
    }

    @Test
    void an_unknown_strategy_is_refused_with_its_name() {
        assertThatThrownBy(() -> lab.run(scenario("gd-by-hand"), GradientStrategy.parseAll("halved")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("halved");
    }

    @Test
    void the_hand_worked_formulas_substitute_the_runs_numbers() {
        Scenario s = scenario("gd-by-hand");
        var formulas = lab.formulas(s, lab.run(s));
        // θ0 = 10, η = 1, gradients 2, 1, −1: summed goes 10 → 8 → 5 → 3
        assertThat(formulas.get(GradientStrategy.SUMMED))
                .extracting(UpdateFormulas.Formula::latex)
                .containsExactly(
                        "\\theta^{(1)} = 10 - 1 \\times 2 = 8",
                        "\\theta^{(2)} = 8 - 1 \\times (2 + 1) = 5",
                        "\\theta^{(3)} = 5 - 1 \\times (2 + 1 - 1) = 3");
        assertThat(formulas.get(GradientStrategy.AVERAGED).get(1).latex())
                .isEqualTo("\\theta^{(2)} = 8 - 1 \\times \\frac{2 + 1}{2} = 6.5");
        assertThat(lab.givenGradients((ManualScenario) s)).containsExactly(2.0, 1.0, -1.0);
    }

    @Test
    void formulas_are_only_offered_where_they_describe_the_run() {
        Scenario s = scenario("linear-regression-batches");
        assertThat(lab.formulas(s, lab.run(s))).isEmpty();
    }

    @Test
    void the_graph_of_a_step_has_the_leaf_with_its_grad() {
        GraphView g = lab.graphAt(scenario("accumulate-x-squared"), GradientStrategy.SUMMED, 2);
        var x = g.nodes().stream()
                .filter(n -> n.leaf() && n.requiresGrad())
                .findFirst()
                .orElseThrow();
        assertThat(x.grad()).containsExactly(4, 8, 12); // two backward() calls of 2x, never zeroed
        assertThat(g.edges()).isNotEmpty();
    }

    @Test
    void the_loss_is_shown_as_the_author_wrote_it() {
        assertThat(LabService.spec(scenario("accumulate-x-squared")).loss()).isEqualTo("sum(x^2)");
    }

    // --- the generated PyTorch loop against the Runner, for every built-in and strategy (skipped without torch) ---

    @TempDir
    Path dir;

    @Test
    void pytorch_running_the_generated_loop_ends_where_the_runner_ends() throws Exception {
        assumeThat(PyTorchCodeTest.torchAvailable())
                .as("PyTorch at /usr/bin/python3")
                .isTrue();
        for (Scenario s : lab.scenarios()) {
            if (s.kind() == Scenario.Kind.MODEL) {
                continue; // trained by ModelTrainer, not stepped by the Runner: no generated step loop to compare
            }
            List<GradientStrategy> strategies =
                    GradientStrategy.parseAll("zeroed", "summed", "averaged", "accumulate-2");
            RunResult result = lab.run(s, strategies);
            for (GradientStrategy strategy : strategies) {
                Path file = dir.resolve(s.id() + "-" + strategy + ".py");
                Files.writeString(file, PyTorchCode.text(lab.pytorch(s, strategy)));
                var p = new ProcessBuilder("/usr/bin/python3", file.toString())
                        .redirectErrorStream(true)
                        .start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(p.exitValue())
                        .as(s.id() + " " + strategy + ":\n" + out)
                        .isZero();
                @SuppressWarnings("unchecked")
                Map<String, List<Double>> params = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(out.substring(out.lastIndexOf('\n') + 1), Map.class);
                var steps = RunFacts.run(result, strategy).steps();
                var last = steps.get(steps.size() - 1).params();
                last.forEach((name, values) -> {
                    for (int i = 0; i < values.length; i++) {
                        assertThat(params.get(name).get(i))
                                .as(s.id() + " " + strategy + " " + name + "[" + i + "]")
                                .isCloseTo(values[i], within(1e-9 * Math.max(1, Math.abs(values[i]))));
                    }
                });
            }
        }
    }
}
