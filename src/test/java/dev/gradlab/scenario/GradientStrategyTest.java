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
        assertThatThrownBy(() -> GradientStrategy.parse("momentum"))
                .isInstanceOf(IllegalArgumentException.class)
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
        assertThat(zeroed.stepsAfter(1, 5) && summed.stepsAfter(2, 5) && averaged.stepsAfter(3, 5))
                .isTrue();
    }

    @Test
    void the_yaml_forms_become_the_strategy_types_and_keep_their_canonical_names() throws Exception {
        Scenario s = ScenarioParser.parse(
                "id: t\ntitle: T\nkind: manual\nlearningRate: 1\nparams: {a: 1}\n"
                        + "gradients: [{a: 1}]\nstrategies: [summed, {accumulate: 3}, accumulate-5, zeroed]\n",
                "t.yaml");
        assertThat(s.strategies())
                .containsExactly(
                        GradientStrategy.SUMMED,
                        new GradientStrategy.Accumulate(3),
                        new GradientStrategy.Accumulate(5),
                        GradientStrategy.ZEROED);
        assertThat(s.strategies())
                .extracting(GradientStrategy::name)
                .containsExactly("summed", "accumulate-3", "accumulate-5", "zeroed");
    }

    @Test
    void the_same_strategy_written_two_ways_is_listed_twice() {
        assertThatThrownBy(() -> ScenarioParser.parse(
                        "id: t\ntitle: T\nkind: manual\nlearningRate: 1\n"
                                + "params: {a: 1}\ngradients: [{a: 1}]\nstrategies: [{accumulate: 2}, accumulate-2]\n",
                        "t.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("the strategy 'accumulate-2' is listed twice");
    }

    @Test
    void a_name_that_only_looks_like_accumulate_is_refused() {
        for (String name :
                new String[] {"accumulate-", "accumulate-x", "accumulate-2 ", "Accumulate-2", "accumulate-0"}) {
            assertThatThrownBy(() -> GradientStrategy.parse(name))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void labels_and_k_come_from_the_type() {
        assertThat(GradientStrategy.parseAll("zeroed", "summed", "averaged", "accumulate-4"))
                .extracting(GradientStrategy::labelKey)
                .containsExactly("strategy.zeroed", "strategy.summed", "strategy.averaged", "strategy.accumulate");
        assertThat(GradientStrategy.parseAll("zeroed", "summed", "averaged", "accumulate-4"))
                .extracting(GradientStrategy::accumulation)
                .containsExactly(0, 0, 0, 4);
        assertThat(new GradientStrategy.Accumulate(4).match(() -> "z", () -> "s", () -> "a", k -> "acc" + k))
                .isEqualTo("acc4");
        assertThat(GradientStrategy.AVERAGED.match(() -> "z", () -> "s", () -> "a", k -> "acc" + k))
                .isEqualTo("a");
    }
}
