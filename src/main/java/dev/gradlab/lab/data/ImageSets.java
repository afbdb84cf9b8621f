package dev.gradlab.lab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Loads a train/test pair of IDX image sets from the bundled resources or from a folder of the standard files. */
final class ImageSets {

    /**
     * The bundled subset, read once: 30 students starting a job at once would otherwise hold 30 copies of its 44 MB
     * of doubles.
     */
    private static volatile @Nullable TrainTest bundled;

    private ImageSets() {}

    /**
     * The bundled Fashion-MNIST subset. Every caller gets its own outer arrays, so reordering examples (shuffling)
     * cannot disturb another job; the pixel rows themselves are shared and must not be written to.
     */
    static TrainTest bundledFashionMnist() {
        TrainTest b = bundled;
        if (b == null) {
            synchronized (ImageSets.class) {
                b = bundled;
                if (b == null) {
                    b = readBundled("fashion-mnist", FashionMnist.CLASS_NAMES_EN);
                    bundled = b;
                }
            }
        }
        return new TrainTest(b.train().copyRows(), b.test().copyRows());
    }

    private static TrainTest readBundled(String name, List<String> classNames) {
        IdxFile trainImages = resource(FashionMnist.TRAIN_IMAGES);
        IdxFile trainLabels = resource(FashionMnist.TRAIN_LABELS);
        IdxFile testImages = resource(FashionMnist.TEST_IMAGES);
        IdxFile testLabels = resource(FashionMnist.TEST_LABELS);
        return new TrainTest(
                IdxReader.images(name, trainImages, trainLabels, classNames),
                IdxReader.images(name, testImages, testLabels, classNames));
    }

    private static IdxFile resource(String file) {
        String path = FashionMnist.BUNDLED_FOLDER + file + ".gz";
        try (InputStream in = ImageSets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new DatasetException("the bundled Fashion-MNIST subset is missing from the classpath: " + path
                        + " (expected in src/main/resources" + FashionMnist.BUNDLED_FOLDER + ")");
            }
            return IdxReader.read(in, "classpath:" + path);
        } catch (IOException e) {
            throw new DatasetException("cannot read classpath:" + path + ": " + e.getMessage(), e);
        }
    }

    static TrainTest fromFolder(String name, Path folder, List<String> classNames) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(name + ": folder not found: " + folder + " (expected a folder holding "
                    + String.join(", ", FashionMnist.FILES) + ", each plain or .gz)");
        }
        List<String> missing = new ArrayList<>();
        @Nullable Path[] files = new Path[FashionMnist.FILES.size()];
        for (int i = 0; i < files.length; i++) {
            String file = FashionMnist.FILES.get(i);
            files[i] = find(folder, file);
            if (files[i] == null) {
                missing.add(file + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(name + ": missing in " + folder.toAbsolutePath() + ": "
                    + String.join(", ", missing) + " (expected the four standard IDX files "
                    + String.join(", ", FashionMnist.FILES) + ", each plain or gzipped with .gz)");
        }
        return new TrainTest(
                IdxReader.images(name, IdxReader.read(files[0]), IdxReader.read(files[1]), classNames),
                IdxReader.images(name, IdxReader.read(files[2]), IdxReader.read(files[3]), classNames));
    }

    private static @Nullable Path find(Path folder, String file) {
        Path plain = folder.resolve(file);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(file + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }
}
