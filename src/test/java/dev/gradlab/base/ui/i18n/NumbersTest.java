package dev.gradlab.base.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale DE = Locale.GERMAN;

    @Test
    void whole_numbers_have_no_decimals_and_fractions_at_most_four() {
        assertThat(Numbers.format(5, EN)).isEqualTo("5");
        assertThat(Numbers.format(-1, EN)).isEqualTo("-1");
        assertThat(Numbers.format(0.25, EN)).isEqualTo("0.25");
        assertThat(Numbers.format(1.0 / 3, EN)).isEqualTo("0.3333");
    }

    @Test
    void separators_follow_the_locale() {
        assertThat(Numbers.format(1234.5, EN)).isEqualTo("1,234.5");
        assertThat(Numbers.format(1234.5, Locale.TRADITIONAL_CHINESE)).isEqualTo("1,234.5");
        assertThat(Numbers.format(1234.5, DE)).isEqualTo("1.234,5");
    }

    @Test
    void tiny_and_huge_magnitudes_use_scientific_notation_and_negative_zero_reads_zero() {
        assertThat(Numbers.format(0.00001234, EN)).isEqualTo("1.234E-5");
        assertThat(Numbers.format(2.5e9, EN)).isEqualTo("2.5E9");
        assertThat(Numbers.format(-0.0, EN)).isEqualTo("0");
        assertThat(Numbers.format(Double.NaN, EN)).isEqualTo("NaN");
    }

    @Test
    void compact_numbers_keep_five_significant_digits_so_table_cells_stay_narrow() {
        assertThat(Numbers.compact(126.3492, Locale.ENGLISH)).isEqualTo("126.35");
        assertThat(Numbers.compact(-166.0961, Locale.ENGLISH)).isEqualTo("-166.1");
        assertThat(Numbers.compact(5.8333333, Locale.ENGLISH)).isEqualTo("5.8333");
        assertThat(Numbers.compact(0.0024, Locale.ENGLISH)).isEqualTo("0.0024");
        assertThat(Numbers.compact(123456.7, Locale.ENGLISH)).isEqualTo("123,457");
        assertThat(Numbers.compactOrNone(null, Locale.ENGLISH)).isEqualTo("None");
    }

    @Test
    void vectors_and_missing_values_read_like_pytorch() {
        assertThat(Numbers.vector(new double[] {1, 2.5, -3}, EN)).isEqualTo("[1, 2.5, -3]");
        assertThat(Numbers.vector(null, EN)).isEqualTo("None");
        assertThat(Numbers.formatOrNone(null, EN)).isEqualTo("None");
    }
}
