package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 2, item 7: what a graph keeps alive, and the drawable view of it. */
class GraphAccountingTest {

    @Test
    void a_graph_counts_its_nodes_and_saved_values_and_backward_frees_the_values() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y = x.pow(2).sum(); // PowBackward0 saves x (3 values); SumBackward0 saves nothing
        GraphStats before = y.graphStats();
        assertThat(before.nodes()).isEqualTo(2);
        assertThat(before.savedTensors()).isEqualTo(1);
        assertThat(before.savedValues()).isEqualTo(3);
        assertThat(before.bytes()).isGreaterThanOrEqualTo(3 * 8);
        y.backward();
        GraphStats after = y.graphStats();
        assertThat(after.nodes()).isEqualTo(2);
        assertThat(after.savedValues()).isZero();
    }

    @Test
    void total_plus_equals_loss_outside_no_grad_keeps_every_batch_graph_alive() {
        Tensor w = Tensor.vector(1, 2).requiresGrad_(true);
        Tensor total = Tensor.scalar(0);
        double plainTotal = 0;
        for (int k = 1; k <= 5; k++) {
            Tensor batch = Tensor.vector(k, k + 1);
            Tensor loss = w.mul(batch).sum(); // MulBackward0 (saves w and the batch), SumBackward0
            total = total.add(loss); // AddBackward0: the running total now holds this graph too
            plainTotal += loss.item(); // the fix: a plain number holds nothing
            GraphStats s = total.graphStats();
            assertThat(s.nodes()).isEqualTo(3 * k);
            assertThat(s.savedTensors()).isEqualTo(1 + k); // w once, plus every batch
            assertThat(s.savedValues()).isEqualTo(2 + 2L * k);
        }
        assertThat(total.item()).isEqualTo(plainTotal);
    }

    @Test
    void inside_no_grad_the_same_loop_records_nothing() {
        Tensor w = Tensor.vector(1, 2).requiresGrad_(true);
        Tensor total = Tensor.scalar(0);
        try (var off = Autograd.noGrad()) {
            for (int k = 1; k <= 5; k++) {
                total = total.add(w.mul(Tensor.vector(k, k + 1)).sum());
                assertThat(total.graphStats()).isEqualTo(GraphStats.EMPTY);
            }
        }
        assertThat(total.requiresGrad()).isFalse();
    }

    @Test
    void graph_view_lists_tensors_and_edges_with_leaf_grads() {
        Tensor a = Tensor.vector(1, 2).requiresGrad_(true).named("a");
        Tensor b = Tensor.vector(3, 4).requiresGrad_(true).named("b");
        Tensor y = a.mul(b).sum();
        y.backward();
        GraphView g = y.graph();
        List<String> labels = g.nodes().stream().map(GraphView.Node::label).toList();
        assertThat(labels).containsExactlyInAnyOrder("a", "b", "MulBackward0", "SumBackward0");
        int ia = labels.indexOf("a");
        int ib = labels.indexOf("b");
        int mul = labels.indexOf("MulBackward0");
        int sum = labels.indexOf("SumBackward0");
        assertThat(g.edges())
                .containsExactlyInAnyOrder(
                        new GraphView.Edge(ia, mul), new GraphView.Edge(ib, mul), new GraphView.Edge(mul, sum));
        GraphView.Node na = g.nodes().get(ia);
        assertThat(na.leaf()).isTrue();
        assertThat(na.grad()).containsExactly(3, 4); // ∂(a·b)/∂a = b
        assertThat(g.nodes().get(mul).grad()).isNull();
        assertThat(g.nodes().get(sum).value()).containsExactly(11);
    }

    @Test
    void a_leaf_has_an_empty_graph() {
        Tensor a = Tensor.vector(1, 2).requiresGrad_(true);
        assertThat(a.graphStats()).isEqualTo(GraphStats.EMPTY);
        assertThat(a.graph().nodes()).hasSize(1);
        assertThat(a.graph().edges()).isEmpty();
    }

    @Test
    void a_very_deep_graph_backpropagates_without_overflowing_the_stack() {
        Tensor x = Tensor.scalar(1).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(x);
        }
        assertThat(y.graphStats().nodes()).isEqualTo(100_000);
        y.backward();
        assertThat(x.grad().item()).isEqualTo(100_001);
    }
}
