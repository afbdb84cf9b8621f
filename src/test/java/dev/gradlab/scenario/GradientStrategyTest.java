package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GradientStrategyTest {

    @Test
    void names_parse_back_to_the_same_strategy() {
        for (String name : new String[] {"zeroed", "summed", "averaged", "accumulate-2", "accumulate-7"}) {
            assertThat(GradientStrategy.parse(name).name()).isEqualTo(name);
        }
        assertThat(GradientStrategy.parse("accumulate-3")).isEqualTo(new GradientStrategy.Accumulate(3));
    }

    @Test
    void unknown_names_and_k_below_two_are_refused() {
        assertThatThrownBy(() -> GradientStrategy.parse("momentum")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown gradient strategy 'momentum'");
        assertThatThrownBy(() -> GradientStrategy.parse("accumulate-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accumulate_steps_after_every_kth_batch_of_an_epoch_and_after_its_last() {
        var acc = new GradientStrategy.Accumulate(3);
        boolean[] steps = new boolean[7];
        IntStream.rangeClosed(1, 7).forEach(b -> steps[b - 1] = acc.stepsAfter(b, 7));
        assertThat(steps).containsExactly(false, false, true, false, false, true, true);
        assertThat(acc.lossDivisor()).isEqualTo(3);
        assertThat(acc.zeroesAfterStep()).isTrue();
    }

    @Test
    void only_zeroed_zeroes_before_a_batch_and_only_averaged_divides_the_buffer() {
        var zeroed = GradientStrategy.parse("zeroed");
        var summed = GradientStrategy.parse("summed");
        var averaged = GradientStrategy.parse("averaged");
        assertThat(zeroed.zeroesBeforeBatch()).isTrue();
        assertThat(summed.zeroesBeforeBatch()).isFalse();
        assertThat(averaged.zeroesBeforeBatch()).isFalse();
        assertThat(summed.gradDivisor(4)).isEqualTo(1);
        assertThat(averaged.gradDivisor(4)).isEqualTo(4);
        assertThat(zeroed.stepsAfter(1, 5) && summed.stepsAfter(2, 5) && averaged.stepsAfter(3, 5)).isTrue();
    }
}
