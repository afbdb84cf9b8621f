package dev.gradlab.lab.ui;

import dev.gradlab.lab.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A parameter (or its {@code .grad}) at one step laid out as rows × columns: a {@code [r, c]} tensor as it is, a
 * {@code [n]} vector as one row. {@code values} is row-major and null where there is nothing to show (.grad is None,
 * or the run diverged).
 */
record Matrix(String name, int[] shape, double @Nullable [] values) {

    /** The shape's rows and columns: {@code []} 1×1, {@code [n]} 1×n, {@code [r, c]} r×c. */
    static int[] grid(int[] shape) {
        return switch (shape.length) {
            case 0 -> new int[] {1, 1};
            case 1 -> new int[] {1, shape[0]};
            default -> new int[] {shape[0], shape[1]};
        };
    }

    /** The parameter {@code name} of {@code record} ({@code grad}: its .grad instead) with the parameter's shape. */
    static Matrix of(StepRecord record, String name, int[] shape, boolean grad) {
        double @Nullable [] v = (grad ? record.grad() : record.params()).get(name);
        return new Matrix(grad ? name + ".grad" : name, shape.clone(), v == null ? null : v.clone());
    }

    int rows() {
        return grid(shape)[0];
    }

    int cols() {
        return grid(shape)[1];
    }

    /** {@link #elementLabels} of this matrix: {@code W1.grad[0,1]} and so on. */
    List<String> labels() {
        return elementLabels(name, shape);
    }

    /** Each element's PyTorch index, in row-major order: {@code W[0,0], W[0,1], …}, {@code b[0], …}; a scalar its name. */
    static List<String> elementLabels(String name, int[] shape) {
        List<String> labels = new ArrayList<>();
        if (shape.length == 0) {
            labels.add(name);
        } else if (shape.length == 1) {
            for (int i = 0; i < shape[0]; i++) {
                labels.add(name + "[" + i + "]");
            }
        } else {
            for (int r = 0; r < shape[0]; r++) {
                for (int c = 0; c < shape[1]; c++) {
                    labels.add(name + "[" + r + "," + c + "]");
                }
            }
        }
        return labels;
    }

    /** The value at row {@code r}, column {@code c}; NaN when there are no values. */
    double at(int r, int c) {
        return values == null ? Double.NaN : values[r * cols() + c];
    }

    /** The largest absolute finite value (0 when there is none): the end of a symmetric colour scale. */
    double maxAbs() {
        double max = 0;
        if (values != null) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /**
     * The colour of {@code v} on a diverging scale from {@code -max} (blue) through 0 (near white) to {@code +max}
     * (red): ColorBrewer's RdBu, which stays distinguishable with the common colour-vision deficiencies. Not a number:
     * grey.
     */
    static String colour(double v, double max) {
        if (!Double.isFinite(v)) {
            return "#969696";
        }
        double t = max == 0 ? 0 : Math.max(-1, Math.min(1, v / max));
        int[][] stops = {
            {0x21, 0x66, 0xac}, {0x67, 0xa9, 0xcf}, {0xf7, 0xf7, 0xf7}, {0xef, 0x8a, 0x62}, {0xb2, 0x18, 0x2b}
        };
        double pos = (t + 1) * 2; // 0 … 4 over the five stops
        int i = Math.min(3, (int) Math.floor(pos));
        double f = pos - i;
        int[] a = stops[i];
        int[] b = stops[i + 1];
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(a[0] + (b[0] - a[0]) * f),
                Math.round(a[1] + (b[1] - a[1]) * f),
                Math.round(a[2] + (b[2] - a[2]) * f));
    }
}
