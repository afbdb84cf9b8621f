package dev.gradlab.lab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The data sets a model scenario can name: {@code spiral}, {@code xor}, {@code circle}, {@code gaussian} (generated,
 * see {@link PlaygroundSets} for the recipes) and {@code fashion-mnist}, {@code mnist} (IDX image files).
 */
public final class Datasets {

    public static final List<String> NAMES = List.of("spiral", "xor", "circle", "gaussian", "fashion-mnist", "mnist");
    public static final List<String> GENERATED = NAMES.subList(0, 4);

    /** A cap on generated samples, so a scenario typo cannot exhaust a shared classroom server. */
    public static final int MAX_SAMPLES = 100_000;

    private Datasets() {}

    /** {@link #load(String, int, double, double, long, Path)} with the bundled Fashion-MNIST subset. */
    public static TrainTest load(String name, int samples, double noise, double testFraction, long seed) {
        return load(name, samples, noise, testFraction, seed, null);
    }

    /**
     * Loads a data set by name, split into training and test sets.
     * <ul>
     * <li>Generated sets: {@code samples} points with {@code noise} from {@code seed}, then
     * {@link Dataset#split split}{@code (testFraction, splitSeed(seed))}; {@code folder} is ignored.
     * <li>Image sets keep their files' own train/test split, so {@code samples}, {@code noise}, {@code testFraction}
     * and {@code seed} are ignored. {@code fashion-mnist} reads {@code folder} when given, else the bundled subset
     * (6,000 train / 1,000 test images); {@code mnist} needs a {@code folder}. The folder must hold the four standard
     * files ({@link FashionMnist#FILES}), plain or {@code .gz}.
     * </ul>
     *
     * @throws DatasetException for an unknown name, a bad parameter, or a missing or malformed file
     */
    public static TrainTest load(
            String name, int samples, double noise, double testFraction, long seed, @Nullable Path folder) {
        String key = normalise(name);
        return switch (key) {
            case "fashion-mnist" ->
                folder == null
                        ? ImageSets.bundledFashionMnist()
                        : ImageSets.fromFolder(key, folder, FashionMnist.CLASS_NAMES_EN);
            case "mnist" -> {
                if (folder == null) {
                    throw new DatasetException("mnist is not bundled: give a folder holding "
                            + String.join(", ", FashionMnist.FILES) + " (plain or .gz), or use fashion-mnist");
                }
                yield ImageSets.fromFolder(key, folder, FashionMnist.DIGITS);
            }
            default -> generate(key, samples, noise, seed).split(testFraction, splitSeed(seed));
        };
    }

    /**
     * The bundled Fashion-MNIST subset: 6,000 training and 1,000 test images, 28×28, pixels in [0, 1]. It is read
     * once per JVM: each call returns fresh {@code x}/{@code y} arrays (safe to reorder), but the pixel rows are
     * shared between callers and must never be written to.
     */
    public static TrainTest fashionMnist() {
        return ImageSets.bundledFashionMnist();
    }

    /**
     * One of the generated 2-D sets, unsplit and ordered class by class (class 1 first, as the recipe makes them):
     * features in about [−1, 1], labels 0/1.
     */
    public static Dataset generate(String name, int samples, double noise, long seed) {
        return switch (normalise(name)) {
            case "spiral" -> PlaygroundSets.spiral(samples, noise, seed);
            case "xor" -> PlaygroundSets.xor(samples, noise, seed);
            case "circle" -> PlaygroundSets.circle(samples, noise, seed);
            case "gaussian" -> PlaygroundSets.gaussian(samples, noise, seed);
            case "fashion-mnist", "mnist" ->
                throw new DatasetException(name + " is an image set read from files, not generated: use load");
            default -> throw unknown(name);
        };
    }

    /**
     * The seed {@link #load} shuffles the train/test split with: {@code seed ^ 0x9E3779B97F4A7C15L}, so the split does
     * not reuse the random numbers that placed the points.
     */
    public static long splitSeed(long seed) {
        return seed ^ 0x9E3779B97F4A7C15L;
    }

    public static boolean isImageSet(String name) {
        String key = normalise(name);
        if (!NAMES.contains(key)) {
            throw unknown(name);
        }
        return !GENERATED.contains(key);
    }

    /** Display names of the classes, index = label; Fashion-MNIST's in English or (any {@code zh} locale) zh-TW. */
    public static List<String> classNames(String name, Locale locale) {
        return switch (normalise(name)) {
            case "fashion-mnist" -> FashionMnist.classNames(locale);
            case "mnist" -> FashionMnist.DIGITS;
            case "spiral", "xor", "circle", "gaussian" -> List.of("0", "1");
            default -> throw unknown(name);
        };
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static DatasetException unknown(String name) {
        return new DatasetException("unknown data set '" + name + "'; known: " + String.join(", ", NAMES));
    }
}
