package dev.gradlab.lab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Examples for classification: {@code x[i]} is example i's feature row, {@code y[i]} its class in
 * {@code [0, classes)}. {@code shape} is the shape of one example before flattening: {@code [2]} for the 2-D sets,
 * {@code [height, width]} for images, whose rows are the pixels in row-major order.
 *
 * <p>{@code x} and {@code y} are not copied (an image set holds tens of megabytes): treat them as read-only.
 * {@link #equals} compares contents, so two data sets made from the same seed are equal.
 */
public record Dataset(
        String name,
        double[][] x,
        int[] y,
        int classes,
        int[] shape,
        List<String> featureNames,
        List<String> classNames) {

    public Dataset {
        if (name.isBlank()) {
            throw new DatasetException("a data set needs a name");
        }
        if (classes < 1) {
            throw new DatasetException(name + ": classes must be at least 1, got " + classes);
        }
        if (x.length != y.length) {
            throw new DatasetException(name + ": " + x.length + " feature rows but " + y.length + " labels");
        }
        shape = shape.clone();
        int features = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new DatasetException(name + ": bad example shape " + Arrays.toString(shape));
            }
            features *= d;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != features) {
                throw new DatasetException(name + ": row " + i + " has "
                        + (x[i] == null ? "no values" : x[i].length + " values") + ", expected " + features
                        + " for example shape " + Arrays.toString(shape));
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw new DatasetException(
                        name + ": label " + y[i] + " of example " + i + " is outside [0, " + classes + ")");
            }
        }
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        if (featureNames.size() != features) {
            throw new DatasetException(
                    name + ": " + featureNames.size() + " feature names for " + features + " features");
        }
        if (classNames.size() != classes) {
            throw new DatasetException(name + ": " + classNames.size() + " class names for " + classes + " classes");
        }
    }

    /** Builds an image data set: feature names are {@code "pixel[row,col]"}. */
    static Dataset images(String name, double[][] x, int[] y, int height, int width, List<String> classNames) {
        List<String> names = new ArrayList<>(height * width);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                names.add("pixel[" + r + "," + c + "]");
            }
        }
        return new Dataset(name, x, y, classNames.size(), new int[] {height, width}, names, classNames);
    }

    /** The shape of one example (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return y.length;
    }

    /** Values per example: the product of {@link #shape()}. */
    public int features() {
        return featureNames.size();
    }

    public boolean isImage() {
        return shape.length == 2;
    }

    public int height() {
        requireImage();
        return shape[0];
    }

    public int width() {
        requireImage();
        return shape[1];
    }

    private void requireImage() {
        if (!isImage()) {
            throw new DatasetException(name + " is not an image set (example shape " + Arrays.toString(shape) + ")");
        }
    }

    /** How many examples each class has: {@code counts[c]} for class c. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Shuffles the examples and cuts off {@code round(size · testFraction)} of them as the test set. The algorithm,
     * so that another implementation can reproduce it: {@code perm = [0, 1, …, n-1]}; with
     * {@code rnd = new java.util.SplittableRandom(seed)}, for {@code i = n-1} down to {@code 1} swap {@code perm[i]}
     * with {@code perm[rnd.nextInt(i + 1)]} (Fisher–Yates); the test set is {@code perm[0 .. nTest)}, the training
     * set {@code perm[nTest .. n)}, both in that shuffled order. Not stratified, like TensorFlow Playground.
     */
    public TrainTest split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new DatasetException(name + ": testFraction must be strictly between 0 and 1, got " + testFraction);
        }
        int n = size();
        int nTest = (int) Math.round(n * testFraction);
        if (nTest < 1 || nTest > n - 1) {
            throw new DatasetException(name + ": testFraction " + testFraction + " of " + n
                    + " examples leaves an empty " + (nTest < 1 ? "test" : "training") + " set");
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return new TrainTest(select(Arrays.copyOfRange(perm, nTest, n)), select(Arrays.copyOfRange(perm, 0, nTest)));
    }

    /** The examples at {@code indices}, in that order (rows are shared, not copied). */
    Dataset select(int[] indices) {
        double[][] sx = new double[indices.length][];
        int[] sy = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            sx[k] = x[indices[k]];
            sy[k] = y[indices[k]];
        }
        return new Dataset(name, sx, sy, classes, shape, featureNames, classNames);
    }

    /** A copy whose outer arrays ({@code x}, {@code y}) are new, so it can be reordered; feature rows are shared. */
    Dataset copyRows() {
        return new Dataset(name, x.clone(), y.clone(), classes, shape, featureNames, classNames);
    }

    /**
     * A copy with every value mapped to {@code (v - mean) / std}, like PyTorch's
     * {@code transforms.Normalize((mean,), (std,))} after {@code ToTensor()}; see {@link FashionMnist#MEAN}.
     */
    public Dataset normalize(double mean, double std) {
        if (!(std > 0) || !Double.isFinite(mean)) {
            throw new DatasetException(
                    name + ": normalize needs a finite mean and std > 0, got mean " + mean + ", std " + std);
        }
        double[][] nx = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = (row[j] - mean) / std;
            }
            nx[i] = out;
        }
        return new Dataset(name, nx, y, classes, shape, featureNames, classNames);
    }

    /** For messages: {@code "spiral (400 examples of [2], 2 classes)"}. */
    public String describe() {
        return name + " (" + size() + " examples of " + Arrays.toString(shape) + ", " + classes + " classes)";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Dataset d
                && name.equals(d.name)
                && classes == d.classes
                && Arrays.equals(shape, d.shape)
                && Arrays.equals(y, d.y)
                && Arrays.deepEquals(x, d.x)
                && featureNames.equals(d.featureNames)
                && classNames.equals(d.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(y)) + Arrays.deepHashCode(x);
    }

    @Override
    public String toString() {
        return "Dataset[" + describe() + "]";
    }
}
