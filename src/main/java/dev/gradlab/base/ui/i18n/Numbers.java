package dev.gradlab.base.ui.i18n;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Short, locale-aware numbers for tables and labels: up to four decimals without trailing zeros ({@code 5},
 * {@code 0.25}, {@code 1,234.5}), scientific notation only for very large or very small magnitudes.
 */
public final class Numbers {

    private static final int DEFAULT_DECIMALS = 4;
    private static final int TABLE_DIGITS = 5;

    private Numbers() {}

    /** Formats with the current UI's locale. */
    public static String format(double v) {
        return format(v, Languages.current());
    }

    public static String format(double v, Locale locale) {
        return format(v, locale, DEFAULT_DECIMALS);
    }

    public static String format(double v, Locale locale, int maxDecimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(v);
        if (v != 0 && (abs >= 1e7 || abs < Math.pow(10, -maxDecimals))) {
            DecimalFormat sci = new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(locale));
            return sci.format(v);
        }
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(maxDecimals);
        nf.setMinimumFractionDigits(0);
        String s = nf.format(v);
        // -0.00001 rounds to "-0": a teaching table should say 0.
        return s.equals("-0") ? "0" : s;
    }

    /**
     * At most {@value #TABLE_DIGITS} significant digits (and at most 4 decimals): table cells on a phone are a few
     * characters wide, and a number that wraps mid-digit is unreadable. The full value belongs in a tooltip.
     */
    public static String compact(double v, Locale locale) {
        double abs = Math.abs(v);
        int integerDigits = abs >= 1 && Double.isFinite(abs) ? (int) Math.floor(Math.log10(abs)) + 1 : 1;
        return format(v, locale, Math.max(0, Math.min(DEFAULT_DECIMALS, TABLE_DIGITS - integerDigits)));
    }

    /** {@link #compact}, with PyTorch's {@code None} for null. */
    public static String compactOrNone(@Nullable Double v, Locale locale) {
        return v == null ? "None" : compact(v, locale);
    }

    /** A nullable number, with PyTorch's {@code None} for null. */
    public static String formatOrNone(@Nullable Double v, Locale locale) {
        return v == null ? "None" : format(v, locale);
    }

    /** {@code [1, 2.5, -3]}; a null vector is PyTorch's {@code None}. */
    public static String vector(double @Nullable [] v, Locale locale) {
        if (v == null) {
            return "None";
        }
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double d : v) {
            j.add(format(d, locale));
        }
        return v.length == 1 ? format(v[0], locale) : j.toString();
    }
}
