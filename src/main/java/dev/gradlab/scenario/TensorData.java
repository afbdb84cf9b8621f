package dev.gradlab.scenario;

import java.util.Arrays;

/**
 * Numbers from a scenario file with their shape ({@code []} scalar, {@code [n]} list, {@code [r, c]} list of lists),
 * row-major. Immutable: accessors hand out copies, so a scenario can be run any number of times.
 */
public record TensorData(int[] shape, double[] data) {

    public TensorData {
        shape = shape.clone();
        data = data.clone();
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    public int numel() {
        return data.length;
    }

    public int dim() {
        return shape.length;
    }

    /** Rows {@code [from, to)} along the first dimension (a batch of a data column). */
    public TensorData rows(int from, int to) {
        int width = shape.length == 2 ? shape[1] : 1;
        int[] s = shape.clone();
        s[0] = to - from;
        return new TensorData(s, Arrays.copyOfRange(data, from * width, to * width));
    }

    /** PyTorch-style shape text, e.g. {@code [2, 3]}. */
    public static String shapeText(int[] shape) {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TensorData" + Arrays.toString(shape) + Arrays.toString(data);
    }
}
