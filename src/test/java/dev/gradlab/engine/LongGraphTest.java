package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A graph 100,000 operations deep is walked without recursion: backward, the accounting and the drawing. */
@Timeout(10)
class LongGraphTest {

    private static final int N = 100_000;

    @Test
    void backward_through_a_chain_of_100000_additions_adds_every_contribution() {
        Tensor x = Tensor.scalar(2).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < N; i++) {
            y = y.add(x);
        }
        assertThat(y.item()).isEqualTo(2.0 * (N + 1));
        assertThat(y.graphStats().nodes()).isEqualTo(N);
        y.backward();
        assertThat(x.grad().item()).isEqualTo(N + 1.0); // y = (N + 1) x
    }

    @Test
    void the_graph_view_of_a_100000_node_chain_lists_every_node_once() {
        Tensor x = Tensor.scalar(1).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < N; i++) {
            y = y.mul(x);
        }
        GraphView view = Graphs.view(y);
        assertThat(view.nodes()).hasSize(N + 1); // N products and the leaf
    }
}
