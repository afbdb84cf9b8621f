package dev.gradlab.lab.train;

import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.data.DatasetRoots;
import dev.gradlab.lab.data.Datasets;
import dev.gradlab.lab.data.TrainTest;
import dev.gradlab.scenario.ModelScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a model page shows of its data before anything is trained: how many training and test examples each class
 * has, and either the 2-D points themselves with their ranges ({@link Points}) or a few sample images
 * ({@link Sample}: the first {@value #SAMPLES_PER_CLASS} training image(s) of every class, in file order). Built from
 * the same split the trainer uses, with the raw pixel values (in [0, 1], before normalisation).
 *
 * @param name        the data set's name ({@code spiral}, {@code fashion-mnist}, …)
 * @param classes     how many classes
 * @param trainCounts {@code trainCounts[c]}: training examples of class c
 * @param testCounts  {@code testCounts[c]}: test examples of class c
 * @param points      2-D sets: the points and their ranges; null for image sets
 * @param samples     image sets: sample images in class order; empty for 2-D sets
 */
public record DatasetPreview(
        String name,
        int classes,
        int[] trainCounts,
        int[] testCounts,
        @Nullable Points points,
        List<Sample> samples) {

    /** Sample images shown per class. */
    public static final int SAMPLES_PER_CLASS = 1;

    /** Previews kept per data set recipe: an image set is not decoded again for every page that opens it. */
    private static final int CACHED = 32;

    private static final Map<Key, DatasetPreview> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, DatasetPreview> eldest) {
            return size() > CACHED;
        }
    };

    public DatasetPreview {
        trainCounts = trainCounts.clone();
        testCounts = testCounts.clone();
        samples = List.copyOf(samples);
    }

    /**
     * A 2-D set's points as the trainer splits them, over the bounding box of train and test together.
     *
     * @param train the training points (treat as read-only)
     * @param test  the test points (treat as read-only)
     */
    public record Points(Dataset train, Dataset test, double xMin, double xMax, double yMin, double yMax) {}

    /**
     * One sample image: {@code pixels} row-major, {@code height × width}, in [0, 1] (0 = background).
     *
     * @param label class of the image
     * @param index its position in the training set (0-based, file order)
     */
    public record Sample(int label, int index, int height, int width, double[] pixels) {

        public Sample {
            pixels = pixels.clone();
        }

        @Override
        public double[] pixels() {
            return pixels.clone();
        }
    }

    @Override
    public int[] trainCounts() {
        return trainCounts.clone();
    }

    @Override
    public int[] testCounts() {
        return testCounts.clone();
    }

    public int trainSize() {
        return Arrays.stream(trainCounts).sum();
    }

    public int testSize() {
        return Arrays.stream(testCounts).sum();
    }

    public boolean isImage() {
        return points == null;
    }

    /**
     * The preview of {@code spec}'s data set, the same split as the training uses (cached per data set recipe).
     *
     * @throws dev.gradlab.lab.data.DatasetException when the data set cannot be loaded
     */
    public static DatasetPreview of(ModelScenario spec) {
        Key key =
                new Key(spec.dataset(), spec.samples(), spec.noise(), spec.testFraction(), spec.seed(), spec.folder());
        synchronized (CACHE) {
            DatasetPreview cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Path folder = spec.folder() == null ? null : DatasetRoots.resolve(spec.folder());
        DatasetPreview preview = of(
                Datasets.load(spec.dataset(), spec.samples(), spec.noise(), spec.testFraction(), spec.seed(), folder));
        synchronized (CACHE) {
            CACHE.put(key, preview);
        }
        return preview;
    }

    /** The preview of a split: counts per class, and the points (2-D) or the sample images (images). */
    public static DatasetPreview of(TrainTest data) {
        Dataset train = data.train();
        Dataset test = data.test();
        if (train.isImage()) {
            return new DatasetPreview(
                    train.name(), train.classes(), train.classCounts(), test.classCounts(), null, samples(train));
        }
        if (train.features() != 2) {
            throw new IllegalArgumentException(train.describe() + " is neither 2-D nor an image set");
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Dataset d : List.of(train, test)) {
            for (double[] p : d.x()) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        return new DatasetPreview(
                train.name(),
                train.classes(),
                train.classCounts(),
                test.classCounts(),
                new Points(train, test, xMin, xMax, yMin, yMax),
                List.of());
    }

    /** The first {@value #SAMPLES_PER_CLASS} images of each class in the set's order, grouped by class. */
    private static List<Sample> samples(Dataset images) {
        List<List<Sample>> byClass = new ArrayList<>();
        for (int c = 0; c < images.classes(); c++) {
            byClass.add(new ArrayList<>());
        }
        int h = images.height();
        int w = images.width();
        for (int i = 0; i < images.size(); i++) {
            List<Sample> mine = byClass.get(images.y()[i]);
            if (mine.size() < SAMPLES_PER_CLASS) {
                mine.add(new Sample(images.y()[i], i, h, w, images.x()[i]));
            }
        }
        return byClass.stream().flatMap(List::stream).toList();
    }

    /** The fields of a model scenario that decide its data. */
    private record Key(
            String dataset,
            int samples,
            double noise,
            double testFraction,
            long seed,
            @Nullable String folder) {}
}
