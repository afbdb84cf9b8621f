package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** x = [1, 2, 3], y = sum(x²): one backward() adds dy/dx = 2x = [2, 4, 6]. */
class BackwardDemoTest {

    @Test
    void backward_without_zeroing_adds_two_x_every_time() {
        var demo = new BackwardDemo();
        assertThat(demo.backwardOnce(false)).containsExactly(2, 4, 6);
        assertThat(demo.backwardOnce(false)).containsExactly(4, 8, 12);
        assertThat(demo.backwardOnce(false)).containsExactly(6, 12, 18);
        assertThat(demo.calls()).isEqualTo(3);
    }

    @Test
    void zeroing_first_gives_the_same_gradient_every_time() {
        var demo = new BackwardDemo();
        demo.backwardOnce(false);
        demo.backwardOnce(false);
        assertThat(demo.backwardOnce(true)).containsExactly(2, 4, 6);
        assertThat(demo.backwardOnce(true)).containsExactly(2, 4, 6);
    }

    @Test
    void reset_forgets_the_gradient_and_the_count_but_not_x() {
        var demo = new BackwardDemo();
        demo.backwardOnce(false);
        demo.reset();
        assertThat(demo.grad()).isNull();
        assertThat(demo.calls()).isZero();
        assertThat(demo.x()).containsExactly(1, 2, 3);
        assertThat(demo.backwardOnce(false)).containsExactly(2, 4, 6);
    }

    @Test
    void one_call_contributes_two_x() {
        assertThat(BackwardDemo.gradientOfOneCall()).containsExactly(2, 4, 6);
    }

    @Test
    void after_mixing_modes_x_grad_holds_the_calls_since_the_last_zero_grad() {
        var demo = new BackwardDemo();
        demo.backwardOnce(false); // [2, 4, 6]
        demo.backwardOnce(false); // [4, 8, 12]
        demo.backwardOnce(true); // None, then [2, 4, 6]
        assertThat(demo.backwardOnce(false)).containsExactly(4, 8, 12); // 2 calls since the zero_grad, not 4
        assertThat(demo.callsSinceZero()).isEqualTo(2);
        assertThat(demo.lastZeroedCall()).isEqualTo(3);
        assertThat(demo.history())
                .extracting(BackwardDemo.Call::number, BackwardDemo.Call::zeroed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, false),
                        org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(3, true),
                        org.assertj.core.groups.Tuple.tuple(4, false));
        assertThat(demo.history().get(3).grad()).containsExactly(4, 8, 12);
    }

    @Test
    void the_next_click_is_predicted_for_either_setting_of_the_switch_without_changing_anything() {
        var demo = new BackwardDemo();
        assertThat(demo.nextGrad(false)).containsExactly(2, 4, 6); // None + 2x
        demo.backwardOnce(false);
        demo.backwardOnce(false); // [4, 8, 12]
        assertThat(demo.nextGrad(false)).containsExactly(6, 12, 18);
        assertThat(demo.nextGrad(true)).containsExactly(2, 4, 6);
        assertThat(demo.grad()).containsExactly(4, 8, 12);
        assertThat(demo.calls()).isEqualTo(2);
    }
}
