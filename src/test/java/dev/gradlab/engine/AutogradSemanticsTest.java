package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 2, items 3 to 6: who gets .grad, clear errors, no-grad scopes, detach. */
class AutogradSemanticsTest {

    @Test
    void only_leaves_get_grad_unless_retain_grad_was_called() {
        Tensor x = Tensor.vector(1, 2).requiresGrad_(true);
        Tensor h = x.mul(2.0);
        Tensor k = x.mul(3.0);
        k.retainGrad();
        h.add(k).sum().backward();
        assertThat(h.isLeaf()).isFalse();
        assertThat(h.grad()).isNull();
        assertThat(k.grad().toArray()).containsExactly(1, 1);
        assertThat(x.grad().toArray()).containsExactly(5, 5);
    }

    @Test
    void backward_on_a_non_scalar_without_gradient_fails_clearly() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y = x.pow(2);
        assertThatThrownBy(y::backward)
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("scalar")
                .hasMessageContaining("[3]");
    }

    @Test
    void backward_on_a_non_scalar_with_an_explicit_gradient_works() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        x.pow(2).backward(Tensor.vector(1, 0, 2));
        assertThat(x.grad().toArray()).containsExactly(2, 0, 12);
    }

    @Test
    void a_second_backward_through_the_same_graph_fails_and_names_retain_graph() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y = x.pow(2).sum();
        y.backward();
        assertThatThrownBy(y::backward)
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("second time")
                .hasMessageContaining("retainGraph");
    }

    @Test
    void a_failed_second_backward_adds_nothing() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y = x.mul(2.0).add(x.pow(2)).sum(); // the mul branch saves nothing, the pow branch does
        y.backward();
        assertThatThrownBy(y::backward).isInstanceOf(AutogradException.class);
        assertThat(x.grad().toArray()).containsExactly(4, 6, 8);
    }

    @Test
    void retain_graph_allows_a_second_backward_which_adds_again() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y = x.pow(2).sum();
        y.backward(null, true);
        y.backward();
        assertThat(x.grad().toArray()).containsExactly(4, 8, 12);
    }

    @Test
    void results_made_inside_no_grad_do_not_require_grad_and_record_nothing() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y;
        try (var off = Autograd.noGrad()) {
            assertThat(Autograd.isGradEnabled()).isFalse();
            y = x.pow(2).sum();
        }
        assertThat(Autograd.isGradEnabled()).isTrue();
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.gradFn()).isNull();
        assertThat(y.graphStats()).isEqualTo(GraphStats.EMPTY);
        assertThat(y.item()).isEqualTo(14.0);
        assertThatThrownBy(y::backward)
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("does not require grad");
    }

    @Test
    void no_grad_scopes_nest_and_restore_the_outer_state() {
        try (var outer = Autograd.noGrad()) {
            try (var inner = Autograd.noGrad()) {
                assertThat(Autograd.isGradEnabled()).isFalse();
            }
            assertThat(Autograd.isGradEnabled()).isFalse();
            try (var on = Autograd.enableGrad()) {
                assertThat(Autograd.isGradEnabled()).isTrue();
            }
            assertThat(Autograd.isGradEnabled()).isFalse();
        }
        assertThat(Autograd.isGradEnabled()).isTrue();
    }

    @Test
    void no_grad_is_per_thread() throws Exception {
        boolean[] seenByOtherThread = new boolean[1];
        try (var off = Autograd.noGrad()) {
            Thread t = new Thread(() -> seenByOtherThread[0] = Autograd.isGradEnabled());
            t.start();
            t.join();
        }
        assertThat(seenByOtherThread[0]).isTrue();
    }

    @Test
    void detach_shares_data_and_never_requires_grad() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad_(true);
        Tensor y = x.mul(2.0);
        Tensor d = y.detach();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.isLeaf()).isTrue();
        assertThat(d.toArray()).containsExactly(2, 4, 6);
        try (var off = Autograd.noGrad()) {
            y.addInPlace_(Tensor.ones(3), 1.0);
        }
        assertThat(d.toArray()).containsExactly(3, 5, 7);
        assertThat(d.mul(2.0).requiresGrad()).isFalse();
    }

    @Test
    void updating_a_parameter_in_place_with_grad_mode_on_fails() {
        Tensor w = Tensor.vector(1, 2).requiresGrad_(true);
        assertThatThrownBy(() -> w.addInPlace_(Tensor.ones(2), -0.1))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("noGrad");
    }

    @Test
    void backward_after_an_in_place_update_of_a_saved_value_fails_clearly() {
        Tensor w = Tensor.vector(1, 2).requiresGrad_(true);
        Tensor loss = w.pow(2).sum();
        try (var off = Autograd.noGrad()) {
            w.addInPlace_(Tensor.ones(2), -0.1);
        }
        assertThatThrownBy(loss::backward)
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("modified in place");
    }

    @Test
    void a_reshaped_view_shares_values_and_in_place_writes_through_it_invalidate_saved_values() {
        Tensor w = Tensor.vector(1, 2, 3, 4).requiresGrad_(true);
        Tensor loss = w.pow(2).sum();
        Tensor v = w.detach().reshape(2, 2);
        v.addInPlace_(Tensor.ones(2, 2), 1.0);
        assertThat(w.toArray()).containsExactly(2, 3, 4, 5);
        assertThatThrownBy(loss::backward)
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("modified in place");
    }

    @Test
    void shape_mismatch_names_both_shapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        assertThatThrownBy(() -> a.add(b))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[4]");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(2, 3)))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2, 3]");
    }

    @Test
    void grad_fn_names_follow_pytorch() {
        Tensor x = Tensor.vector(1, 2).requiresGrad_(true);
        assertThat(x.gradFn()).isNull();
        assertThat(x.mul(x).gradFn()).isEqualTo("MulBackward0");
        assertThat(x.sum().gradFn()).isEqualTo("SumBackward0");
        assertThat(x.pow(2).gradFn()).isEqualTo("PowBackward0");
    }

    @Test
    void requires_grad_cannot_be_switched_off_on_a_non_leaf() {
        Tensor y = Tensor.vector(1, 2).requiresGrad_(true).mul(2.0);
        assertThatThrownBy(() -> y.requiresGrad_(false))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("leaves");
    }

    @Test
    void bad_accessors_fail_clearly() {
        Tensor m = Tensor.zeros(2, 3);
        assertThatThrownBy(m::item).isInstanceOf(AutogradException.class).hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> m.get(2, 0))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2, 0]");
        assertThatThrownBy(() -> Tensor.of(new double[5], 2, 3))
                .isInstanceOf(AutogradException.class)
                .hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> m.row(5)).isInstanceOf(AutogradException.class);
        assertThatThrownBy(() -> m.sum(2)).isInstanceOf(AutogradException.class).hasMessageContaining("dim 2");
    }
}
