package dev.gradlab.lab.nograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.lab.nograd.TimingVerdict.Outcome;
import org.junit.jupiter.api.Test;

/** The no_grad lesson may only claim what its timings show; timings given here, medians worked out by hand. */
class TimingVerdictTest {

    @Test
    void no_grad_is_called_faster_only_when_its_slowest_run_beats_the_fastest_run_with_grad() {
        // with grad sorted 2.0 2.1 2.2 2.4 3.0 -> median 2.2; without sorted 1.1 1.2 1.3 1.5 1.9 -> median 1.3
        TimingVerdict v = TimingVerdict.of(
                new long[] {2_400_000, 2_000_000, 3_000_000, 2_200_000, 2_100_000},
                new long[] {1_300_000, 1_900_000, 1_100_000, 1_200_000, 1_500_000});
        assertThat(v.outcome()).isEqualTo(Outcome.NO_GRAD_FASTER);
        assertThat(v.withGrad()).isEqualTo(new TimingVerdict.Spread(2_200_000, 2_000_000, 3_000_000));
        assertThat(v.noGrad()).isEqualTo(new TimingVerdict.Spread(1_300_000, 1_100_000, 1_900_000));
        assertThat(v.savedFraction()).isCloseTo(0.9 / 2.2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void overlapping_spreads_are_too_close_to_call_even_when_the_medians_favour_no_grad() {
        // the case: medians 2.05 vs 2.00 ms, but one no_grad run (2.39 ms) was slower than every grad run
        TimingVerdict v = TimingVerdict.of(
                new long[] {2_050_000, 2_000_000, 2_100_000}, new long[] {2_000_000, 2_390_000, 1_900_000});
        assertThat(v.outcome()).isEqualTo(Outcome.TOO_CLOSE);
        assertThat(v.withGrad().median()).isEqualTo(2_050_000);
        assertThat(v.noGrad().median()).isEqualTo(2_000_000);
    }

    @Test
    void touching_spreads_are_too_close_to_call() {
        TimingVerdict v = TimingVerdict.of(new long[] {5, 6, 7}, new long[] {3, 4, 5});
        assertThat(v.outcome()).isEqualTo(Outcome.TOO_CLOSE);
    }

    @Test
    void no_grad_slower_in_every_run_is_reported_as_slower_not_hidden() {
        TimingVerdict v = TimingVerdict.of(new long[] {10, 12}, new long[] {15, 13});
        assertThat(v.outcome()).isEqualTo(Outcome.NO_GRAD_SLOWER);
        assertThat(v.withGrad().median()).isEqualTo(11); // even count: mean of the middle two
        assertThat(v.noGrad().median()).isEqualTo(14);
        assertThat(v.savedFraction()).isCloseTo((11 - 14) / 11.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void no_timings_at_all_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> TimingVerdict.of(new long[0], new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no timings to summarise");
    }
}
