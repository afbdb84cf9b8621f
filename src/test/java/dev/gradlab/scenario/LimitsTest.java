package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void ceil_div_never_overflows_where_a_plus_b_minus_one_would() {
        assertThat(Limits.ceilDiv(3, Integer.MAX_VALUE)).isEqualTo(1);
        assertThat(Limits.ceilDiv(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(1);
        assertThat(Limits.ceilDiv(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Limits.ceilDiv(0, 7)).isZero();
        assertThat(Limits.ceilDiv(10, 3)).isEqualTo(4);
    }

    @Test
    void counts_saturate_instead_of_wrapping() {
        assertThat(Limits.times(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
        assertThat(Limits.times(3_000_000_000L, 3)).isEqualTo(9_000_000_000L);
        assertThat(Limits.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_long_quoted_value_is_cut_to_forty_characters_keeping_its_quote() {
        String cause = "unknown data set '" + "z".repeat(10_000) + "' (data sets: spiral)";
        assertThat(Limits.shorten(cause)).isEqualTo("unknown data set '" + "z".repeat(39) + "…' (data sets: spiral)");
    }

    @Test
    void a_cause_of_many_short_words_is_cut_at_three_hundred_characters() {
        String shortened = Limits.shorten("ab ".repeat(10_000));
        assertThat(shortened).hasSize(Limits.MAX_MESSAGE + 1).endsWith("…");
        assertThat(Limits.shorten("fine as it is")).isEqualTo("fine as it is");
    }
}
