package dev.gradlab.lab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of LeCun's MNIST files: two zero bytes, a type code (only {@code 0x08}, unsigned byte, is
 * supported: it is what MNIST and Fashion-MNIST use), the number of dimensions, each dimension as a big-endian 32-bit
 * integer, then the values in row-major order. Gzipped files are recognised by their first two bytes
 * ({@code 1f 8b}), whatever their name. Every error names the file and what is wrong with it.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    /** The standard MNIST files' largest: 60,000 training plus 10,000 test images of 28 x 28 pixels. */
    static final long MAX_VALUES = 70_000L * 28 * 28;

    private static final int MAX_RANK = 3;

    private IdxReader() {}

    public static IdxFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DatasetException("IDX file not found: " + file, e);
        } catch (IOException e) {
            throw new DatasetException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole IDX file (plain or gzipped) from {@code in}, which the caller closes. */
    public static IdxFile read(InputStream in, String source) {
        try {
            return parse(maybeGunzip(new BufferedInputStream(in), source), source);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(source + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read IDX file " + source + ": " + e.getMessage(), e);
        }
    }

    private static InputStream maybeGunzip(BufferedInputStream in, String source) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static IdxFile parse(InputStream in, String source) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DatasetException(
                    source + ": truncated: " + magic.length + " bytes, too short for the 4-byte IDX magic number");
        }
        int type = magic[2] & 0xFF;
        int rank = magic[3] & 0xFF;
        if (magic[0] != 0 || magic[1] != 0 || rank == 0) {
            throw new DatasetException(source + ": not an IDX file: bad magic number 0x" + hex(magic)
                    + " (expected 00 00, a type code such as 08, and a dimension count ≥ 1)");
        }
        if (type != UNSIGNED_BYTE) {
            throw new DatasetException(source + ": IDX type code 0x" + String.format("%02x", type) + " ("
                    + typeName(type) + ") is not supported; only 0x08 (unsigned byte) is");
        }
        if (rank > MAX_RANK) {
            throw new DatasetException(
                    source + ": the header announces " + rank + " dimensions; IDX labels have 1" + " and images 3");
        }
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new DatasetException(source + ": truncated: the header announces " + rank + " dimensions (" + 4 * rank
                    + " bytes) but only " + header.length + " bytes follow the magic number");
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = (header[4 * d] & 0xFF) << 24
                    | (header[4 * d + 1] & 0xFF) << 16
                    | (header[4 * d + 2] & 0xFF) << 8
                    | header[4 * d + 3] & 0xFF;
            if (dims[d] < 0) {
                throw new DatasetException(
                        source + ": dimension " + d + " is " + Integer.toUnsignedString(dims[d]) + ", too large");
            }
            total *= dims[d];
            if (total > Integer.MAX_VALUE - 16) {
                throw new DatasetException(source + ": dims " + Arrays.toString(Arrays.copyOf(dims, d + 1))
                        + "… hold more values than one Java array can");
            }
        }
        // Before anything is inflated: a gzip bomb posing as an IDX file cannot announce more than this.
        if (total > MAX_VALUES) {
            throw new DatasetException(source + ": dims " + Arrays.toString(dims) + " announce " + total
                    + " values, more than the " + MAX_VALUES + " (70,000 images of 28 x 28) an IDX file may hold here");
        }
        byte[] data = in.readNBytes((int) total);
        if (data.length < total) {
            throw new DatasetException(source + ": truncated: dims " + Arrays.toString(dims) + " need " + total
                    + " bytes of data, the file has only " + data.length);
        }
        if (in.read() != -1) {
            throw new DatasetException(source + ": unexpected bytes after the " + total + " values announced by dims "
                    + Arrays.toString(dims));
        }
        return new IdxFile(source, dims, data);
    }

    /**
     * Pairs an image file ({@code [n, rows, cols]}) with its label file ({@code [n]}) into a data set; pixels become
     * {@code value / 255.0}, in [0, 1] (what PyTorch's {@code ToTensor()} does; no mean/std normalisation here, see
     * {@link Dataset#normalize}).
     */
    public static Dataset images(String name, IdxFile images, IdxFile labels, List<String> classNames) {
        int[] id = images.dims();
        int[] ld = labels.dims();
        if (id.length != 3) {
            throw new DatasetException(images.source() + ": expected images with 3 dimensions [count, rows, cols],"
                    + " got " + Arrays.toString(id));
        }
        if (ld.length != 1) {
            throw new DatasetException(
                    labels.source() + ": expected labels with 1 dimension [count], got " + Arrays.toString(ld));
        }
        if (id[0] != ld[0]) {
            throw new DatasetException("count mismatch: " + images.source() + " holds " + id[0] + " images but "
                    + labels.source() + " holds " + ld[0] + " labels");
        }
        int n = id[0];
        int pixels = id[1] * id[2];
        int classes = classNames.size();
        double[][] x = new double[n][pixels];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.get(i);
            if (y[i] >= classes) {
                throw new DatasetException(
                        labels.source() + ": label " + y[i] + " at index " + i + " is outside 0.." + (classes - 1));
            }
            double[] row = x[i];
            int base = i * pixels;
            for (int p = 0; p < pixels; p++) {
                row[p] = images.get(base + p) / 255.0;
            }
        }
        return Dataset.images(name, x, y, id[1], id[2], classNames);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte v : b) {
            s.append(String.format("%02x", v & 0xFF));
        }
        return s.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown type";
        };
    }
}
