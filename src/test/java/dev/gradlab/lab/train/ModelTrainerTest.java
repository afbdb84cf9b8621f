package dev.gradlab.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.engine.GraphStats;
import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Module;
import dev.gradlab.engine.nn.Sequential;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.TestCommons;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    @Test
    void the_same_seed_gives_identical_numbers_in_two_runs() {
        ModelScenario spec = Specs.small("circle", 3, "zeroed", "summed", "averaged", "accumulate-3");
        ModelResult a = new ModelTrainer().train(spec);
        ModelResult b = new ModelTrainer().train(spec);
        assertThat(a.runs()).hasSize(4);
        for (int r = 0; r < 4; r++) {
            assertThat(b.runs().get(r).epochs()).isEqualTo(a.runs().get(r).epochs());
            List<StepRecord> sa = a.runs().get(r).steps();
            List<StepRecord> sb = b.runs().get(r).steps();
            assertThat(sb).hasSameSizeAs(sa);
            for (int i = 0; i < sa.size(); i++) {
                assertThat(sb.get(i).loss()).isEqualTo(sa.get(i).loss());
                assertThat(sb.get(i).params().get("0.weight"))
                        .isEqualTo(sa.get(i).params().get("0.weight"));
            }
        }
    }

    @Test
    void every_strategy_starts_from_the_same_weights_on_the_same_first_batch() {
        ModelScenario spec = Specs.small("xor", 1, "zeroed", "summed", "averaged", "accumulate-4");
        ModelResult result = new ModelTrainer().train(spec);
        StepRecord zeroed = result.runs().get(0).steps().get(0);
        // the weights Mlp.of draws from Random(seed) — what every run must start from
        Sequential fresh = Mlp.of(spec.layers(), spec.activation(), spec.dropout(), new Random(spec.seed()));
        double[] w0 = fresh.namedParameters().get("0.weight").toArray();
        for (ModelRun run : result.runs()) {
            StepRecord first = run.steps().get(0);
            assertThat(first.loss()).isEqualTo(zeroed.loss());
            double divisor = run.strategy().lossDivisor(); // accumulate-4 backpropagates loss / 4
            double[] g = first.grad().get("0.weight");
            double[] expected = zeroed.grad().get("0.weight");
            for (int i = 0; i < g.length; i++) {
                assertThat(g[i]).isCloseTo(expected[i] / divisor, within(1e-15));
            }
        }
        assertThat(result.norms()).isFalse(); // 2-4-2: 22 values, shown in full
        assertThat(zeroed.params().get("0.weight")).hasSize(w0.length);
    }

    @Test
    void the_evaluation_pass_runs_in_eval_mode_and_records_no_graph() {
        Sequential inner = Mlp.of(new int[] {2, 4, 2}, "tanh", 0.5, new Random(3));
        Recording model = new Recording(inner);
        model.train();
        Dataset test = ModelTrainer.data(Specs.small("spiral", 1)).test();
        Evaluation.Score score = Evaluation.score(model, test);
        assertThat(model.outputs).isNotEmpty();
        for (Tensor out : model.outputs) {
            assertThat(out.graphStats()).isEqualTo(GraphStats.EMPTY);
            assertThat(out.graphStats().nodes()).isZero();
            assertThat(out.requiresGrad()).isFalse();
        }
        assertThat(model.trainingDuringForward).containsOnly(false);
        assertThat(model.isTraining()).isTrue(); // back in training mode afterwards
        assertThat(inner.isTraining()).isTrue();
        // The score, recomputed by hand from the logits the model returned: arg-max hits over the test set, and the
        // mean cross-entropy log(Σ exp(z)) − z[label] of each row.
        int row = 0;
        int correct = 0;
        double lossSum = 0;
        for (Tensor out : model.outputs) {
            int classes = out.shape()[1];
            double[] z = out.toArray();
            for (int r = 0; r < out.shape()[0]; r++, row++) {
                int label = test.y()[row];
                int argmax = 0;
                for (int c = 1; c < classes; c++) {
                    if (z[r * classes + c] > z[r * classes + argmax]) {
                        argmax = c;
                    }
                }
                double max = z[r * classes + argmax];
                double sumExp = 0;
                for (int c = 0; c < classes; c++) {
                    sumExp += Math.exp(z[r * classes + c] - max);
                }
                lossSum += max + Math.log(sumExp) - z[r * classes + label];
                correct += argmax == label ? 1 : 0;
            }
        }
        assertThat(row).isEqualTo(test.size());
        assertThat(score.accuracy()).isEqualTo((double) correct / test.size());
        assertThat(score.loss()).isCloseTo(lossSum / test.size(), within(1e-12));
    }

    /** Wraps a model and keeps what its forward returned and whether it was in training mode. */
    static final class Recording extends Module {
        final Module inner;
        final List<Tensor> outputs = new ArrayList<>();
        final List<Boolean> trainingDuringForward = new ArrayList<>();

        Recording(Module inner) {
            this.inner = registerModule("inner", inner);
        }

        @Override
        public Tensor forward(Tensor x) {
            trainingDuringForward.add(inner.isTraining());
            Tensor y = inner.forward(x);
            outputs.add(y);
            return y;
        }
    }

    @Test
    void progress_reports_every_step_and_epoch_and_cancellation_stops_training() {
        ModelScenario spec = Specs.small("gaussian", 2, "zeroed", "summed");
        int batches = (60 + 9) / 10; // 80 samples, 20 held out, batches of 10
        AtomicInteger steps = new AtomicInteger();
        List<EpochProgress> epochs = new ArrayList<>();
        new ModelTrainer()
                .train(
                        spec,
                        new TrainingProgress() {
                            @Override
                            public void onStep(StepProgress step) {
                                steps.incrementAndGet();
                                assertThat(step.total()).isEqualTo(2L * 2 * batches);
                            }

                            @Override
                            public void onEpoch(EpochProgress epoch) {
                                epochs.add(epoch);
                            }
                        },
                        () -> false);
        assertThat(steps.get()).isEqualTo(2 * 2 * batches);
        assertThat(epochs).extracting(e -> e.strategy().name()).containsExactly("zeroed", "summed", "zeroed", "summed");
        assertThat(epochs.get(3).fraction()).isEqualTo(1.0);
        assertThat(epochs.get(0).boundary()).isNotNull();
        assertThat(epochs.get(0).boundary().predicted())
                .hasSize(ModelTrainer.GRID_RESOLUTION * ModelTrainer.GRID_RESOLUTION);

        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> new ModelTrainer()
                        .train(
                                spec,
                                new TrainingProgress() {
                                    @Override
                                    public void onStep(StepProgress step) {
                                        seen.incrementAndGet();
                                    }
                                },
                                () -> seen.get() >= 3))
                .isInstanceOf(TrainingCancelledException.class)
                .hasMessage("training cancelled after 3 of " + (2 * 2 * batches) + " steps");
        assertThat(seen.get()).isEqualTo(3);
    }

    @Test
    void big_models_report_l2_norms_instead_of_every_value() {
        // learning rate 0: parameters never move, so after any step their norm is the initial weights' norm
        ModelScenario big = new ModelScenario(
                TestCommons.common(1, 0.0, dev.gradlab.scenario.OptimizerSpec.sgd(), List.of("zeroed")),
                "xor",
                40,
                0.0,
                0.25,
                null,
                new int[] {2, 300, 2},
                "relu",
                0,
                1,
                30);
        assertThat(big.parameterCount())
                .isEqualTo(2 * 300 + 300 + 300 * 2 + 2)
                .isGreaterThan(ModelTrainer.FULL_VALUES_LIMIT);
        ModelResult result = new ModelTrainer().train(big);
        assertThat(result.norms()).isTrue();
        StepRecord first = result.runs().get(0).steps().get(0);
        Sequential fresh = Mlp.of(big.layers(), "relu", 0, new Random(1));
        double[] w = fresh.namedParameters().get("0.weight").toArray();
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        assertThat(first.params().get("0.weight")).hasSize(1);
        assertThat(first.params().get("0.weight")[0]).isCloseTo(Math.sqrt(sq), within(1e-12));
        assertThat(first.grad().get("2.bias")).hasSize(1);
        assertThat(first.grad().get("2.bias")[0]).isPositive();
        assertThat(first.applied().get("2.bias")).hasSize(1);

        ModelResult small = new ModelTrainer().train(Specs.small("xor", 1));
        assertThat(small.norms()).isFalse();
        assertThat(small.runs().get(0).steps().get(0).params().get("0.weight")).hasSize(2 * 4);
    }

    @Test
    void layers_that_do_not_fit_the_data_set_are_refused_with_both_sizes() {
        ModelScenario spec = new ModelScenario(
                TestCommons.common(1, 0.1, dev.gradlab.scenario.OptimizerSpec.sgd(), List.of("zeroed")),
                "spiral",
                80,
                0.1,
                0.25,
                null,
                new int[] {2, 4, 3},
                "tanh",
                0,
                1,
                10);
        assertThatThrownBy(() -> new ModelTrainer().train(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the last of model.layers is 3")
                .hasMessageContaining("has 2 classes");
    }
}
