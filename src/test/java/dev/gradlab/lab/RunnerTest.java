package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.engine.GraphView;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every expected number below is worked out by hand in the comments, never taken from the runner. */
class RunnerTest {

    private final Runner runner = new Runner();

    private static double[] column(StrategyRun run, Function<StepRecord, double[]> value) {
        return run.steps().stream().mapToDouble(r -> value.apply(r)[0]).toArray();
    }

    private static StrategyRun run(RunResult r, String strategy) {
        return r.runs().stream()
                .filter(x -> x.strategy().name().equals(strategy))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void gd_by_hand_matches_the_notebook_arithmetic() {
        RunResult r = runner.run(BuiltInScenarios.find("gd-by-hand").orElseThrow());
        assertThat(r.runs()).extracting(x -> x.strategy().name()).containsExactly("zeroed", "summed", "averaged");

        // zeroed: θ = 10 − 2 = 8, 8 − 1 = 7, 7 − (−1) = 8
        StrategyRun zeroed = run(r, "zeroed");
        assertThat(column(zeroed, s -> s.params().get("theta"))).containsExactly(8, 7, 8);
        assertThat(column(zeroed, s -> s.grad().get("theta"))).containsExactly(2, 1, -1);
        assertThat(column(zeroed, s -> s.applied().get("theta"))).containsExactly(2, 1, -1);

        // summed: buffers 2, 2+1 = 3, 3−1 = 2; θ = 8, 8 − 3 = 5, 5 − 2 = 3
        StrategyRun summed = run(r, "summed");
        assertThat(column(summed, s -> s.grad().get("theta"))).containsExactly(2, 3, 2);
        assertThat(column(summed, s -> s.params().get("theta"))).containsExactly(8, 5, 3);

        // averaged: applied 2/1, 3/2, 2/3; θ = 8, 6.5, 6.5 − 2/3
        StrategyRun averaged = run(r, "averaged");
        assertThat(column(averaged, s -> s.grad().get("theta"))).containsExactly(2, 3, 2);
        assertThat(column(averaged, s -> s.applied().get("theta")))
                .containsExactly(new double[] {2, 1.5, 2.0 / 3}, within(1e-15));
        assertThat(column(averaged, s -> s.params().get("theta")))
                .containsExactly(new double[] {8, 6.5, 6.5 - 2.0 / 3}, within(1e-14));

        for (StrategyRun run : r.runs()) {
            assertThat(run.diverged()).isNull();
            assertThat(run.steps()).allSatisfy(s -> {
                assertThat(s.loss()).isNull();
                assertThat(s.stepped()).isTrue();
                assertThat(s.epoch()).isEqualTo(1);
            });
            assertThat(run.steps()).extracting(StepRecord::step).containsExactly(1, 2, 3);
            assertThat(run.steps()).extracting(StepRecord::batch).containsExactly(1, 2, 3);
        }
    }

    @Test
    void accumulate_x_squared_grows_the_buffer_only_without_zeroing() {
        RunResult r = runner.run(BuiltInScenarios.find("accumulate-x-squared").orElseThrow());
        assertThat(r.runs()).extracting(x -> x.strategy().name()).containsExactly("zeroed", "summed");
        // d/dx sum(x²) = 2x = [2, 4, 6]; loss = 1 + 4 + 9 = 14; learning rate 0 keeps x = [1, 2, 3].
        for (int t = 1; t <= 5; t++) {
            StepRecord z = run(r, "zeroed").steps().get(t - 1);
            StepRecord s = run(r, "summed").steps().get(t - 1);
            assertThat(z.loss()).isEqualTo(14.0);
            assertThat(s.loss()).isEqualTo(14.0);
            assertThat(z.grad().get("x")).containsExactly(2, 4, 6);
            assertThat(s.grad().get("x")).containsExactly(2.0 * t, 4.0 * t, 6.0 * t);
            assertThat(s.applied().get("x")).containsExactly(2.0 * t, 4.0 * t, 6.0 * t);
            assertThat(z.params().get("x")).containsExactly(1, 2, 3);
            assertThat(s.params().get("x")).containsExactly(1, 2, 3);
        }
    }

    @Test
    void accumulate_divides_given_gradients_by_k_exactly_once() {
        // gd-by-hand's numbers: θ = 10, η = 1, gradients 2, 1, −1, K = 2. Loss / 2 halves what backward adds:
        // .grad 1 | 1 + 0.5 = 1.5 → θ = 10 − 1.5 = 8.5, zero | −0.5 (the epoch's last batch) → θ = 8.5 + 0.5 = 9.
        // Halving twice would give .grad 0.5, 0.75 and θ 9.25, 9.5.
        var s = Scenarios.manual("{theta: 10}", "[{theta: 2}, {theta: 1}, {theta: -1}]", 1, 1, "[{accumulate: 2}]");
        StrategyRun acc = runner.run(s).runs().get(0);
        assertThat(column(acc, x -> x.grad().get("theta"))).containsExactly(1, 1.5, -0.5);
        assertThat(column(acc, x -> x.params().get("theta"))).containsExactly(10, 8.5, 9);
    }

    @Test
    void accumulate_divides_a_loss_by_k_exactly_once_and_reports_the_undivided_loss() {
        // loss = 2θ, θ = 10, η = 1, three evaluations, K = 2: backward of 2θ / 2 adds 1 each time.
        // .grad 1 | 2 → θ = 8, zero | 1 → θ = 7. The loss shown is the batch's own: 20, 20, 16.
        var s = Scenarios.parse("id: t\ntitle: T\nkind: expression\nlearningRate: 1\nsteps: 3\n"
                + "strategies: [{accumulate: 2}]\nparams: {theta: 10}\nloss: \"2*theta\"\n");
        StrategyRun acc = runner.run(s).runs().get(0);
        assertThat(column(acc, x -> x.grad().get("theta"))).containsExactly(1, 2, 1);
        assertThat(column(acc, x -> x.params().get("theta"))).containsExactly(10, 8, 7);
        assertThat(acc.steps()).extracting(StepRecord::loss).containsExactly(20.0, 20.0, 16.0);
    }

    @Test
    void accumulate_k_restarts_its_count_every_epoch_and_steps_after_the_last_batch() {
        // θ = 0, η = 1, batch gradients 1, 2, 4 (three batches per epoch), two epochs, K = 2: each halved by loss / 2.
        var s = Scenarios.manual("{theta: 0}", "[{theta: 1}, {theta: 2}, {theta: 4}]", 1, 2, "[{accumulate: 2}]");
        StrategyRun acc = runner.run(s).runs().get(0);
        // buffers: 0.5 | 0.5 + 1 = 1.5 → step, zero | 2 → step (epoch's last batch), zero | again in epoch 2
        assertThat(column(acc, x -> x.grad().get("theta"))).containsExactly(0.5, 1.5, 2, 0.5, 1.5, 2);
        assertThat(acc.steps()).extracting(StepRecord::stepped).containsExactly(false, true, true, false, true, true);
        assertThat(acc.steps()).extracting(StepRecord::applied).satisfies(a -> {
            assertThat(a.get(0)).isNull();
            assertThat(a.get(3)).isNull();
        });
        // θ: 0, −1.5, −3.5, −3.5, −5, −7
        assertThat(column(acc, x -> x.params().get("theta"))).containsExactly(0, -1.5, -3.5, -3.5, -5, -7);
        assertThat(acc.steps()).extracting(StepRecord::epoch).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(acc.steps()).extracting(StepRecord::batch).containsExactly(1, 2, 3, 1, 2, 3);
    }

    @Test
    void averaged_counts_every_batch_in_the_buffer_across_epochs() {
        // gradients 2, 2 for two epochs: buffers 2, 4, 6, 8 over t = 1..4 batches, so every applied value is 2.
        var s = Scenarios.manual("{theta: 0}", "[{theta: 2}, {theta: 2}]", 1, 2, "[averaged]");
        StrategyRun averaged = runner.run(s).runs().get(0);
        assertThat(column(averaged, x -> x.grad().get("theta"))).containsExactly(2, 4, 6, 8);
        assertThat(column(averaged, x -> x.applied().get("theta"))).containsExactly(2, 2, 2, 2);
        assertThat(column(averaged, x -> x.params().get("theta"))).containsExactly(-2, -4, -6, -8);
    }

    @Test
    void a_parameter_the_batch_does_not_reach_keeps_a_none_grad_under_zeroed_and_is_skipped() {
        // a = 0, b = 5, η = 1; batches reach a, a, then only b (gradient 1, 1, 2).
        var s = Scenarios.manual("{a: 0, b: 5}", "[{a: 1}, {a: 1}, {b: 2}]", 1, 1, "[zeroed, summed, averaged]");
        RunResult r = runner.run(s);
        StrategyRun zeroed = run(r, "zeroed");
        assertThat(zeroed.steps().get(0).grad().get("b")).isNull();
        assertThat(zeroed.steps().get(0).applied()).containsKey("b");
        assertThat(zeroed.steps().get(0).applied().get("b")).isNull();
        assertThat(zeroed.steps().get(2).grad().get("a")).isNull(); // set to None before batch 3, not reached again
        assertThat(column(zeroed, x -> x.params().get("a"))).containsExactly(-1, -2, -2);
        assertThat(column(zeroed, x -> x.params().get("b"))).containsExactly(5, 5, 3);
        // summed: a's buffer stays 2 in batch 3 and is applied again; b: None, None, 2
        assertThat(column(run(r, "summed"), x -> x.params().get("a"))).containsExactly(-1, -3, -5);
        assertThat(column(run(r, "summed"), x -> x.params().get("b"))).containsExactly(5, 5, 3);
        // averaged over t = 3 batches: a −= 2/3 in step 3, b −= 2/3
        StrategyRun averaged = run(r, "averaged");
        assertThat(column(averaged, x -> x.params().get("a")))
                .containsExactly(new double[] {-1, -2, -2 - 2.0 / 3}, within(1e-15));
        assertThat(averaged.steps().get(2).params().get("b")[0]).isCloseTo(5 - 2.0 / 3, within(1e-15));
    }

    @Test
    void a_parameter_the_loss_does_not_use_keeps_a_none_grad_and_never_moves() {
        var s = Scenarios.parse("""
                id: t
                title: T
                kind: expression
                learningRate: 0.25
                strategies: [zeroed, summed]
                params: {w: 1, unused: 3}
                loss: "w^2"
                steps: 2
                """);
        for (StrategyRun run : runner.run(s).runs()) {
            assertThat(run.steps()).allSatisfy(x -> {
                assertThat(x.grad().get("unused")).isNull();
                assertThat(x.params().get("unused")).containsExactly(3);
            });
        }
        // zeroed: w = 1 − 0.25·2 = 0.5, then 0.5 − 0.25·1 = 0.25
        assertThat(column(runner.run(s).runs().get(0), x -> x.params().get("w")))
                .containsExactly(0.5, 0.25);
    }

    @Test
    void the_optimizer_receives_the_strategy_gradient_so_momentum_works_on_the_sum() {
        // summed with SGD momentum 0.5, η = 1, gradients 1, 1: applied 1 then 2;
        // buf = 1 → θ = −1; buf = 0.5·1 + 2 = 2.5 → θ = −3.5
        var s = Scenarios.parse("""
                id: t
                title: T
                kind: manual
                learningRate: 1
                optimizer: {type: sgd, momentum: 0.5}
                strategies: [summed]
                params: {theta: 0}
                gradients: [{theta: 1}, {theta: 1}]
                """);
        assertThat(column(runner.run(s).runs().get(0), x -> x.params().get("theta")))
                .containsExactly(-1, -3.5);
    }

    @Test
    void divergence_is_reported_at_its_first_step_and_values_become_null_from_there() {
        // w = 1, loss w², η = 1e200: step 1 gives w = 1 − 2e200 (finite); step 2's loss (2e200)² overflows.
        var s = Scenarios.parse("""
                id: t
                title: T
                kind: expression
                learningRate: 1e200
                strategies: [zeroed]
                params: {w: 1}
                loss: "w^2"
                steps: 4
                """);
        StrategyRun run = runner.run(s).runs().get(0);
        assertThat(run.diverged()).isEqualTo(2);
        assertThat(run.steps()).hasSize(4);
        assertThat(run.steps().get(0).params().get("w")[0]).isEqualTo(1 - 2e200);
        assertThat(run.steps().subList(1, 4)).allSatisfy(x -> {
            assertThat(x.loss()).isNull();
            assertThat(x.grad().get("w")).isNull();
            assertThat(x.params().get("w")).isNull();
        });
    }

    @Test
    void strategies_can_be_chosen_by_the_caller_and_each_run_starts_from_the_same_parameters() {
        var s = BuiltInScenarios.find("gd-by-hand").orElseThrow();
        RunResult r = runner.run(s, List.of(GradientStrategy.parse("averaged"), GradientStrategy.parse("zeroed")));
        assertThat(r.runs()).extracting(x -> x.strategy().name()).containsExactly("averaged", "zeroed");
        assertThat(r.runs().get(1).steps().get(0).params().get("theta")).containsExactly(8);
    }

    @Test
    void the_graph_of_a_step_shows_the_batch_forward_with_the_leaf_grad_after_its_backward() {
        var s = BuiltInScenarios.find("accumulate-x-squared").orElseThrow();
        GraphView g = runner.graphAt(s, GradientStrategy.parse("summed"), 3);
        GraphView.Node x = g.nodes().stream()
                .filter(n -> n.label().equals("x"))
                .findFirst()
                .orElseThrow();
        assertThat(x.leaf()).isTrue();
        assertThat(x.grad()).containsExactly(6, 12, 18); // 3 batches × [2, 4, 6]
        assertThat(x.value()).containsExactly(1, 2, 3);
        assertThat(g.nodes()).anySatisfy(n -> assertThat(n.label()).isEqualTo("SumBackward0"));
        assertThat(g.edges()).isNotEmpty();

        // a manual scenario has no graph: lone leaves, values before the step, grads after the backward
        GraphView m =
                runner.graphAt(BuiltInScenarios.find("gd-by-hand").orElseThrow(), GradientStrategy.parse("summed"), 2);
        assertThat(m.nodes()).singleElement().satisfies(n -> {
            assertThat(n.label()).isEqualTo("theta");
            assertThat(n.value()).containsExactly(8);
            assertThat(n.grad()).containsExactly(3);
        });
    }

    @Test
    void the_mlp_built_in_runs_all_four_strategies_in_well_under_a_second() {
        var s = BuiltInScenarios.find("mlp-explicit-weights").orElseThrow();
        runner.run(s); // warm-up: class loading and JIT are not engine time
        long start = System.nanoTime();
        RunResult r = runner.run(s);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.runs()).hasSize(4);
        assertThat(millis).isLessThan(500);
    }

    @Test
    void an_adam_scenario_gets_adam() {
        // Adam's first step: m̂ = g, v̂ = g², so θ = 0 − 0.1 · g / (|g| + 1e-8) with g = 4
        var s = Scenarios.parse("""
                id: t
                title: T
                kind: manual
                learningRate: 0.1
                optimizer: {type: adam}
                strategies: [zeroed]
                params: {theta: 0}
                gradients: [{theta: 4}]
                """);
        assertThat(runner.run(s).runs().get(0).steps().get(0).params().get("theta")[0])
                .isCloseTo(-0.1 * 4 / (4 + 1e-8), within(1e-15));
    }
}
