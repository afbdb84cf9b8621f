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
}
