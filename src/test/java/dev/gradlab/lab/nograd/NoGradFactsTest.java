package dev.gradlab.lab.nograd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.engine.GraphStats;
import dev.gradlab.lab.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoGradFactsTest {

    /** 40 examples of 4 features in 3 classes, batches of 8: a model [4, 5, 3] with ReLU. */
    private static final int[] LAYERS = {4, 5, 3};

    private static NoGradFacts facts(double dropout) {
        Random rnd = new Random(5);
        double[][] x = new double[40][4];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            y[i] = i % 3;
        }
        Dataset d = new Dataset("toy", x, y, 3, new int[] {4}, List.of("a", "b", "c", "d"), List.of("0", "1", "2"));
        return new NoGradFacts(LAYERS, "relu", dropout, 11, d, 8);
    }

    /**
     * Nodes one evaluation batch records, from the model's structure: one AddmmBackward0 per Linear, one activation
     * node between Linears, and cross-entropy's LogSoftmaxBackward0 + NllLossBackward0 (dropout in eval mode
     * records nothing).
     */
    private static int nodesPerEvaluationBatch() {
        int linears = LAYERS.length - 1;
        int activations = LAYERS.length - 2;
        return linears + activations + 2;
    }

    @Test
    void evaluation_under_no_grad_records_nothing_and_its_loss_does_not_require_grad() {
        List<BatchComparison> rows = facts(0.3).compareEvaluation(5);
        assertThat(rows).hasSize(5);
        for (BatchComparison row : rows) {
            assertThat(row.noGrad().graph()).isEqualTo(GraphStats.EMPTY);
            assertThat(row.noGrad().requiresGrad()).isFalse();
            assertThat(row.noGrad().gradFn()).isNull();
            assertThat(row.withGrad().graph().nodes()).isEqualTo(nodesPerEvaluationBatch());
            assertThat(row.withGrad().graph().savedValues()).isPositive();
            assertThat(row.withGrad().requiresGrad()).isTrue();
            assertThat(row.withGrad().gradFn()).isEqualTo("NllLossBackward0");
            // the same numbers either way: no-grad changes what is recorded, not what is computed
            assertThat(row.noGrad().loss()).isEqualTo(row.withGrad().loss());
            assertThat(row.noGrad().correct()).isEqualTo(row.withGrad().correct());
            assertThat(row.size()).isEqualTo(8);
        }
    }

    @Test
    void adding_the_loss_tensor_outside_no_grad_keeps_every_batchs_graph_alive() {
        List<LeakPoint> points = facts(0.0).leak(5);
        int perBatch = nodesPerEvaluationBatch() + 1; // + the AddBackward0 of total = total + loss
        List<Long> growth = new ArrayList<>();
        for (LeakPoint p : points) {
            assertThat(p.tensorTotal().nodes()).as("batch %d", p.batch()).isEqualTo(p.batch() * perBatch);
            assertThat(p.itemTotal()).isEqualTo(GraphStats.EMPTY);
            assertThat(p.noGradTotal()).isEqualTo(GraphStats.EMPTY);
            if (p.batch() > 1) {
                growth.add(p.tensorTotal().bytes()
                        - points.get(p.batch() - 2).tensorTotal().bytes());
            }
        }
        // each batch adds its own saved activations (the weights are shared, counted once): a straight line
        assertThat(growth)
                .allSatisfy(g -> assertThat(g).isEqualTo(growth.get(0)).isPositive());
        assertThat(points.get(4).total()).isPositive();
    }

    @Test
    void backward_on_a_no_grad_result_fails_with_the_engines_message() {
        BackwardFailure f = facts(0.0).backwardOnNoGradResult();
        assertThat(f.requiresGrad()).isFalse();
        assertThat(f.hasGradFn()).isFalse();
        // PyTorch's own wording for this mistake, which the engine follows
        assertThat(f.afterScope()).contains("element 0 of tensors does not require grad and does not have a grad_fn");
        assertThat(f.insideScope()).contains("element 0 of tensors does not require grad and does not have a grad_fn");
    }

    @Test
    void eval_mode_changes_dropouts_outputs_while_no_grad_changes_only_the_recording() {
        List<ModeFacts> cells = facts(0.0).evalVersusNoGrad(0.5, 6);
        ModeFacts trainGrad = cells.get(0);
        ModeFacts trainNoGrad = cells.get(1);
        ModeFacts evalGrad = cells.get(2);
        ModeFacts evalNoGrad = cells.get(3);
        assertThat(trainGrad.evalMode()).isFalse();
        assertThat(trainNoGrad.noGrad()).isTrue();
        assertThat(evalGrad.evalMode()).isTrue();

        assertThat(trainNoGrad.outputs()).isEqualTo(trainGrad.outputs());
        assertThat(evalNoGrad.outputs()).isEqualTo(evalGrad.outputs());
        assertThat(evalGrad.outputs()).isNotEqualTo(trainGrad.outputs());

        // train mode: Linear, ReLU, Dropout, Linear; eval mode: dropout passes its input through unrecorded
        assertThat(trainGrad.graph().nodes()).isEqualTo(4);
        assertThat(evalGrad.graph().nodes()).isEqualTo(3);
        assertThat(trainGrad.requiresGrad()).isTrue();
        assertThat(evalGrad.requiresGrad()).isTrue();
        assertThat(trainNoGrad.graph()).isEqualTo(GraphStats.EMPTY);
        assertThat(evalNoGrad.graph()).isEqualTo(GraphStats.EMPTY);
        assertThat(trainNoGrad.requiresGrad()).isFalse();
        assertThat(evalNoGrad.requiresGrad()).isFalse();
    }

    @Test
    void the_course_setting_runs_on_the_bundled_fashion_mnist_test_images() {
        NoGradFacts f = NoGradFacts.fashionMnist();
        assertThat(f.batches()).isEqualTo(10);
        List<BatchComparison> rows = f.compareEvaluation(2);
        // 784-128-10 with ReLU and dropout: Linear, ReLU, Linear, LogSoftmax, NllLoss in eval mode
        assertThat(rows.get(0).withGrad().graph().nodes()).isEqualTo(5);
        assertThat(rows.get(0).noGrad().graph().nodes()).isZero();
    }

    @Test
    void the_repeated_measurement_keeps_the_exact_graph_facts_and_rests_its_verdict_on_every_repetition() {
        EvaluationTiming t = facts(0.3).measureEvaluation(5, 1, 7);
        assertThat(t.repetitions()).isEqualTo(7);
        assertThat(t.batches()).hasSize(5);
        List<BatchComparison> once = facts(0.3).compareEvaluation(5);
        for (int b = 0; b < 5; b++) {
            BatchComparison row = t.batches().get(b);
            assertThat(row.withGrad().graph()).isEqualTo(once.get(b).withGrad().graph());
            assertThat(row.noGrad().graph()).isEqualTo(GraphStats.EMPTY);
            assertThat(row.withGrad().loss()).isEqualTo(once.get(b).withGrad().loss());
            assertThat(row.noGrad().nanos()).isPositive();
        }
        TimingVerdict v = t.verdict();
        assertThat(v.withGrad().min()).isLessThanOrEqualTo(v.withGrad().median());
        assertThat(v.withGrad().median()).isLessThanOrEqualTo(v.withGrad().max());
        assertThat(v.noGrad().min()).isLessThanOrEqualTo(v.noGrad().median());
    }
}
