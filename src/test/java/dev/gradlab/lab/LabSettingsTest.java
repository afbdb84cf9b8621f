package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.lab.LabSettings.Field;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Lab's live settings: the modified scenario's numbers worked out here by hand or in closed form, the copy run
 * like a file that says the same values, and the limits of docs/scenarios.md refused with their numbers.
 */
class LabSettingsTest {

    private static final double TOL = 1e-12;
    private final LabService lab = new LabService();

    private static Scenario builtIn(String id) {
        return BuiltInScenarios.find(id).orElseThrow();
    }

    private static double theta(StepRecord r) {
        return r.params().get("theta")[0];
    }

    @Test
    void gd_by_hand_with_a_learning_rate_of_a_half_steps_by_half_the_gradient() {
        Scenario base = builtIn("gd-by-hand");
        LabSettings half = LabSettings.of(base).withLearningRate(0.5);
        assertThat(lab.check(base, half, Field.LEARNING_RATE)).isNull();
        RunResult result = lab.run(lab.apply(base, half));
        // θ = 10, gradients 2, 1, −1, η = 0.5
        // zeroed:   10 − 0.5·2 = 9;   9 − 0.5·1 = 8.5;   8.5 − 0.5·(−1) = 9
        // summed:   sums 2, 3, 2:     9, 7.5, 6.5
        // averaged: means 2, 1.5, 2/3: 9, 8.25, 8.25 − 1/3
        assertThat(RunFacts.run(result, GradientStrategy.ZEROED).steps())
                .extracting(LabSettingsTest::theta)
                .containsExactly(9.0, 8.5, 9.0);
        assertThat(RunFacts.run(result, GradientStrategy.SUMMED).steps())
                .extracting(LabSettingsTest::theta)
                .containsExactly(9.0, 7.5, 6.5);
        List<StepRecord> averaged =
                RunFacts.run(result, GradientStrategy.AVERAGED).steps();
        assertThat(theta(averaged.get(2))).isCloseTo(8.25 - 1.0 / 3, within(TOL));
    }

    @Test
    void the_service_does_not_answer_a_changed_scenario_with_the_cached_run_of_the_original() {
        Scenario base = builtIn("gd-by-hand");
        RunResult original = lab.run(base);
        RunResult changed = lab.run(lab.apply(base, LabSettings.of(base).withLearningRate(0.5)));
        // η = 1: zeroed 10 − 2 = 8 after the first step; η = 0.5: 9
        assertThat(theta(RunFacts.run(original, GradientStrategy.ZEROED).steps().get(0)))
                .isEqualTo(8.0);
        assertThat(theta(RunFacts.run(changed, GradientStrategy.ZEROED).steps().get(0)))
                .isEqualTo(9.0);
    }

    @Test
    void more_epochs_than_the_file_repeat_the_given_gradients() {
        Scenario base = builtIn("gd-by-hand");
        Scenario twice =
                lab.apply(base, LabSettings.of(base).withLearningRate(0.5).withEpochs(2));
        assertThat(twice.totalBatches()).isEqualTo(6);
        // zeroed, η = 0.5: 9, 8.5, 9, then the same gradients again: 8, 7.5, 8
        assertThat(RunFacts.run(lab.run(twice), GradientStrategy.ZEROED).steps())
                .extracting(LabSettingsTest::theta)
                .containsExactly(9.0, 8.5, 9.0, 8.0, 7.5, 8.0);
    }

    @Test
    void an_expression_with_another_learning_rate_batch_size_and_epochs_follows_the_closed_form_gradient() {
        Scenario base = builtIn("linear-regression-batches");
        LabSettings s =
                LabSettings.of(base).withLearningRate(0.05).withBatchSize(3).withEpochs(2);
        assertThat(lab.check(base, s, null)).isNull();
        Scenario changed = lab.apply(base, s);
        // L = mean((w·x + b − y)²) over x = 1..5, y = 3, 5, 7, 9, 11, batches {1, 2, 3}, {4, 5}:
        // ∂L/∂w = 2/n Σ r·x, ∂L/∂b = 2/n Σ r, r = w·x + b − y; the correct loop (zeroed) from w = b = 0
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {3, 5, 7, 9, 11};
        int[][] batches = {{0, 3}, {3, 5}, {0, 3}, {3, 5}};
        double w = 0;
        double b = 0;
        List<StepRecord> steps =
                RunFacts.run(lab.run(changed), GradientStrategy.ZEROED).steps();
        assertThat(steps).hasSize(4);
        for (int i = 0; i < batches.length; i++) {
            int from = batches[i][0];
            int to = batches[i][1];
            int n = to - from;
            double dw = 0;
            double db = 0;
            for (int j = from; j < to; j++) {
                double r = w * x[j] + b - y[j];
                dw += 2 * r * x[j] / n;
                db += 2 * r / n;
            }
            w -= 0.05 * dw;
            b -= 0.05 * db;
            assertThat(steps.get(i).params().get("w")[0])
                    .as("w after step %d", i + 1)
                    .isCloseTo(w, within(TOL));
            assertThat(steps.get(i).params().get("b")[0])
                    .as("b after step %d", i + 1)
                    .isCloseTo(b, within(TOL));
        }
    }

    @Test
    void a_changed_copy_runs_exactly_like_a_file_that_says_the_same_values() {
        Scenario base = builtIn("linear-regression-batches");
        OptimizerSpec adam = new OptimizerSpec(OptimizerSpec.Type.ADAM, 0, 0, 0.01, false, 0.8, 0.99, 1e-6);
        LabSettings s = LabSettings.of(base)
                .withLearningRate(0.1)
                .withBatchSize(3)
                .withEpochs(4)
                .withAccumulation(3)
                .withOptimizer(adam);
        assertThat(lab.check(base, s, null)).isNull();
        Scenario copy = lab.apply(base, s);
        Scenario file = Scenarios.parse("""
                id: linear-regression-batches
                title: T
                kind: expression
                learningRate: 0.1
                optimizer: {type: adam, beta1: 0.8, beta2: 0.99, eps: 0.000001, weightDecay: 0.01}
                strategies: [zeroed, summed, averaged, {accumulate: 3}]
                params: {w: 0, b: 0}
                data: {x: [1, 2, 3, 4, 5], y: [3, 5, 7, 9, 11]}
                batchSize: 3
                epochs: 4
                loss: "mean((w*x + b - y)^2)"
                """);
        RunResult fromCopy = new Runner().run(copy);
        RunResult fromFile = new Runner().run(file);
        assertThat(copy.strategies()).isEqualTo(file.strategies());
        for (GradientStrategy g : file.strategies()) {
            List<StepRecord> a = RunFacts.run(fromCopy, g).steps();
            List<StepRecord> f = RunFacts.run(fromFile, g).steps();
            assertThat(a).hasSize(8);
            for (int i = 0; i < f.size(); i++) {
                assertThat(a.get(i).params().get("w"))
                        .as("%s w at %d", g, i + 1)
                        .isEqualTo(f.get(i).params().get("w"));
                assertThat(a.get(i).stepped()).isEqualTo(f.get(i).stepped());
            }
        }
    }

    @Test
    void epochs_beyond_ten_thousand_batches_are_refused_with_the_largest_count_allowed() {
        Scenario base = builtIn("gd-by-hand");
        // 3 batches per epoch, 10,000 batches per run: 3,333 epochs and no more
        assertThat(lab.check(base, LabSettings.of(base).withEpochs(3333), Field.EPOCHS))
                .isNull();
        LabSettings.Problem p = lab.check(base, LabSettings.of(base).withEpochs(3334), Field.EPOCHS);
        assertThat(p.field()).isEqualTo(Field.EPOCHS);
        assertThat(p.key()).isEqualTo("settings.error.epochs.BATCHES");
        assertThat(p.args()).containsExactly(3333);
        assertThat(lab.epochBound(base, LabSettings.of(base)).maxEpochs()).isEqualTo(3333);
    }

    @Test
    void a_smaller_batch_that_leaves_too_many_epochs_is_the_batch_fields_problem() {
        Scenario base = builtIn("linear-regression-batches");
        // batches of 1: 5 per epoch, so 2,000 epochs fit; 2,001 do not
        LabSettings ok = LabSettings.of(base).withEpochs(2000).withBatchSize(1);
        assertThat(lab.check(base, ok, Field.BATCH_SIZE)).isNull();
        LabSettings tooMany = LabSettings.of(base).withEpochs(2001).withBatchSize(1);
        LabSettings.Problem p = lab.check(base, tooMany, Field.BATCH_SIZE);
        assertThat(p.field()).isEqualTo(Field.BATCH_SIZE);
        assertThat(p.key()).isEqualTo("settings.error.batch-epochs");
        assertThat(p.cause().args()).containsExactly(2000);
        // five rows: a batch of 6 would be the same one batch, so 5 is the largest offered
        assertThat(lab.check(base, LabSettings.of(base).withBatchSize(6), Field.BATCH_SIZE)
                        .args())
                .containsExactly(1, 5);
    }

    @Test
    void optimizer_parameters_keep_pytorchs_ranges() {
        Scenario base = builtIn("gd-by-hand");
        LabSettings s = LabSettings.of(base);
        assertThat(lab.check(base, s.withLearningRate(-0.1), Field.LEARNING_RATE)
                        .key())
                .isEqualTo("settings.error.min");
        OptimizerSpec nesterovWithoutMomentum = new OptimizerSpec(OptimizerSpec.Type.SGD, 0, 0, 0, true, 0, 0, 0);
        assertThat(lab.check(base, s.withOptimizer(nesterovWithoutMomentum), Field.NESTEROV)
                        .key())
                .isEqualTo("settings.error.nesterov");
        OptimizerSpec betaOne = new OptimizerSpec(OptimizerSpec.Type.ADAM, 0, 0, 0, false, 1.0, 0.999, 1e-8);
        LabSettings.Problem p = lab.check(base, s.withOptimizer(betaOne), Field.BETA1);
        assertThat(p.field()).isEqualTo(Field.BETA1);
        assertThat(p.key()).isEqualTo("settings.error.below");
        OptimizerSpec dampTwo = new OptimizerSpec(OptimizerSpec.Type.SGD, 0.9, 2, 0, false, 0.9, 0.999, 1e-8);
        assertThat(lab.check(base, s.withOptimizer(dampTwo), Field.DAMPENING).args())
                .containsExactly(0, 1);
    }

    @Test
    void sgd_momentum_from_the_settings_follows_pytorchs_rule_by_hand() {
        Scenario base = builtIn("gd-by-hand");
        OptimizerSpec momentum = new OptimizerSpec(OptimizerSpec.Type.SGD, 0.5, 0, 0, false, 0.9, 0.999, 1e-8);
        Scenario s = lab.apply(base, LabSettings.of(base).withOptimizer(momentum));
        // torch.optim.SGD, η = 1, μ = 0.5: b1 = g1, b(t) = μ·b(t−1) + g(t), θ −= η·b
        // zeroed, gradients 2, 1, −1: b = 2, 2, 0 → θ = 8, 6, 6
        assertThat(RunFacts.run(lab.run(s), GradientStrategy.ZEROED).steps())
                .extracting(LabSettingsTest::theta)
                .containsExactly(8.0, 6.0, 6.0);
    }

    @Test
    void accumulate_k_is_refused_below_two_and_when_it_would_repeat_a_strategy() {
        Scenario base = Scenarios.manual(
                "{theta: 1}", "[{theta: 1}, {theta: 1}]", 1, 1, "[zeroed, {accumulate: 2}, {accumulate: 4}]");
        assertThat(LabSettings.of(base).accumulation()).isEqualTo(2);
        assertThat(lab.check(base, LabSettings.of(base).withAccumulation(1), Field.ACCUMULATION)
                        .args())
                .containsExactly(2, 10_000);
        assertThat(lab.check(base, LabSettings.of(base).withAccumulation(4), Field.ACCUMULATION)
                        .key())
                .isEqualTo("settings.error.k-twice");
        Scenario three = lab.apply(base, LabSettings.of(base).withAccumulation(3));
        assertThat(three.strategies())
                .extracting(GradientStrategy::name)
                .containsExactly("zeroed", "accumulate-3", "accumulate-4");
    }

    @Test
    void numbers_are_read_as_a_student_writes_them_and_written_back_shortest() {
        assertThat(LabSettings.parseNumber(" .5 ")).hasValue(0.5);
        assertThat(LabSettings.parseNumber("1e-3")).hasValue(0.001);
        assertThat(LabSettings.parseNumber("0x1p3")).isEmpty();
        assertThat(LabSettings.parseNumber("1d")).isEmpty();
        assertThat(LabSettings.parseNumber("NaN")).isEmpty();
        assertThat(LabSettings.parseNumber("1e999")).isEmpty();
        assertThat(LabSettings.parseCount("99999999999")).hasValue(Integer.MAX_VALUE);
        assertThat(LabSettings.parseCount("2.5")).isEmpty();
        for (double v : new double[] {1, 0.5, 0.02, 1e-8, 0.999, 123456789, 1e300, 0.1 + 0.2}) {
            assertThat(LabSettings.parseNumber(LabSettings.text(v))).hasValue(v);
        }
        assertThat(LabSettings.text(1)).isEqualTo("1");
        assertThat(LabSettings.text(0.05)).isEqualTo("0.05");
        assertThat(LabSettings.text(1e-8)).isEqualTo("1e-8");
    }
}
