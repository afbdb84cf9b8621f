package dev.gradlab.lab.data;

import java.util.List;
import java.util.Locale;

/**
 * Facts about Fashion-MNIST (Xiao, Rasul, Vollgraf 2017; MIT licence, © Zalando SE) and MNIST that callers need:
 * the standard file names, class names in English and Traditional Chinese, and the pixel mean/std that the usual
 * PyTorch {@code transforms.Normalize} uses.
 */
public final class FashionMnist {

    /** The standard file names; each may also be gzipped, with {@code .gz} appended. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Where the bundled subset lives on the classpath. */
    public static final String BUNDLED_FOLDER = "/datasets/fashion-mnist/";

    /** Labels 0 … 9 as the Fashion-MNIST README names them. */
    public static final List<String> CLASS_NAMES_EN = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final List<String> CLASS_NAMES_ZH_TW =
            List.of("T恤／上衣", "褲子", "套頭衫", "洋裝", "外套", "涼鞋", "襯衫", "運動鞋", "包包", "短靴");

    /**
     * Mean and standard deviation of all pixels (scaled to [0, 1]) of the full 60,000 Fashion-MNIST training images,
     * computed from Debian's {@code dataset-fashion-mnist} files: 0.28604, 0.35302.
     */
    public static final double MEAN = 0.2860;

    public static final double STD = 0.3530;

    /** The classic MNIST values from PyTorch's examples ({@code Normalize((0.1307,), (0.3081,))}). */
    public static final double MNIST_MEAN = 0.1307;

    public static final double MNIST_STD = 0.3081;

    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private FashionMnist() {}

    /** Class names in Traditional Chinese for any Chinese locale (the app's second language), English otherwise. */
    public static List<String> classNames(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CLASS_NAMES_ZH_TW : CLASS_NAMES_EN;
    }
}
