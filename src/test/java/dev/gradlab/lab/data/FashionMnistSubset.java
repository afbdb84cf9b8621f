package dev.gradlab.lab.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Regenerates the bundled Fashion-MNIST subset in {@code src/main/resources/datasets/fashion-mnist/}: from the full
 * files, the first 600 images of each class in file order from the training file and the first 100 of each class
 * from the test file, kept in file order, written as gzipped IDX. Run from the project root after
 * {@code apt-get install dataset-fashion-mnist} and {@code mvn -o test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes dev.gradlab.lab.data.FashionMnistSubset \
 *     /usr/share/datasets/fashion-mnist src/main/resources/datasets/fashion-mnist
 * </pre>
 */
public final class FashionMnistSubset {

    static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    static final int TRAIN_PER_CLASS = 600;
    static final int TEST_PER_CLASS = 100;

    private FashionMnistSubset() {}

    public static void main(String[] args) throws IOException {
        Path from = args.length > 0 ? Path.of(args[0]) : DEBIAN_FOLDER;
        Path to = args.length > 1 ? Path.of(args[1]) : Path.of("src/main/resources/datasets/fashion-mnist");
        Files.createDirectories(to);
        copy(from, to, FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, TRAIN_PER_CLASS);
        copy(from, to, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS, TEST_PER_CLASS);
    }

    private static void copy(Path from, Path to, String imagesName, String labelsName, int perClass)
            throws IOException {
        IdxFile images = IdxReader.read(from.resolve(imagesName + ".gz"));
        IdxFile labels = IdxReader.read(from.resolve(labelsName + ".gz"));
        int[] keep = firstPerClass(labels, 10, perClass);
        write(to.resolve(imagesName + ".gz"), select(images, keep));
        write(to.resolve(labelsName + ".gz"), select(labels, keep));
        System.out.println(imagesName + ": kept " + keep.length + " of " + labels.count());
    }

    /** Indices, in file order, of the first {@code perClass} items of each class. */
    static int[] firstPerClass(IdxFile labels, int classes, int perClass) {
        int[] seen = new int[classes];
        int[] keep = new int[classes * perClass];
        int k = 0;
        for (int i = 0; i < labels.count() && k < keep.length; i++) {
            int c = labels.get(i);
            if (seen[c] < perClass) {
                seen[c]++;
                keep[k++] = i;
            }
        }
        if (k < keep.length) {
            throw new IllegalStateException(
                    labels.source() + ": fewer than " + perClass + " items in some class: " + Arrays.toString(seen));
        }
        return keep;
    }

    static IdxFile select(IdxFile file, int[] indices) {
        int[] dims = file.dims();
        int itemSize = file.data().length / dims[0];
        byte[] out = new byte[indices.length * itemSize];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(file.data(), indices[k] * itemSize, out, k * itemSize, itemSize);
        }
        dims[0] = indices.length;
        return new IdxFile(file.source(), dims, out);
    }

    /** Writes an unsigned-byte IDX file, gzipped at the highest level (the gzip header carries no timestamp). */
    static void write(Path path, IdxFile file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(path);
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_COMPRESSION);
                    }
                })) {
            int[] dims = file.dims();
            out.write(new byte[] {0, 0, 0x08, (byte) dims.length});
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(file.data());
        }
    }
}
