package dev.gradlab.lab.data;

import java.util.Arrays;

/**
 * The contents of one IDX file of unsigned bytes: its dimensions (big-endian in the file, e.g. {@code [60000, 28, 28]}
 * for MNIST images, {@code [60000]} for labels) and the values in row-major order, still as raw bytes (read them with
 * {@link #get(int)}, which returns 0 … 255). {@code source} names where it came from, for messages.
 */
public record IdxFile(String source, int[] dims, byte[] data) {

    public IdxFile {
        dims = dims.clone();
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new DatasetException(
                    source + ": dims " + Arrays.toString(dims) + " hold " + n + " values, data has " + data.length);
        }
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The first dimension: how many items (images, labels) the file holds. */
    public int count() {
        return dims[0];
    }

    /** Value i of the flattened data as an unsigned byte, 0 … 255. */
    public int get(int i) {
        return data[i] & 0xFF;
    }
}
