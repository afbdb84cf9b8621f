package dev.gradlab.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.data.TrainTest;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The data a model page shows before training. The Fashion-MNIST figures come from the bundled IDX files read here
 * with a reader of the test's own (header, then one byte per label or pixel), not from the app's reader.
 */
class DatasetPreviewTest {

    private static final String FOLDER = "/datasets/fashion-mnist/";

    /** The bytes after an IDX header of {@code dims} dimensions, with the magic number checked. */
    private static byte[] idx(String file, int magic, int dims) throws IOException {
        try (InputStream raw = DatasetPreviewTest.class.getResourceAsStream(FOLDER + file + ".gz");
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            assertThat(in.readInt()).isEqualTo(magic);
            for (int d = 0; d < dims; d++) {
                in.readInt();
            }
            return in.readAllBytes();
        }
    }

    private static int[] countByLabel(byte[] labels) {
        int[] counts = new int[10];
        for (byte b : labels) {
            counts[b & 0xff]++;
        }
        return counts;
    }

    private static ModelScenario builtIn(String id) {
        return (ModelScenario) BuiltInScenarios.find(id).orElseThrow();
    }

    @Test
    void fashion_mnist_counts_per_class_are_those_of_the_bundled_label_files() throws IOException {
        DatasetPreview p = DatasetPreview.of(builtIn("fashion-mnist-mlp"));
        assertThat(p.isImage()).isTrue();
        assertThat(p.points()).isNull();
        assertThat(p.classes()).isEqualTo(10);
        assertThat(p.trainCounts()).containsExactly(countByLabel(idx("train-labels-idx1-ubyte", 0x801, 1)));
        assertThat(p.testCounts()).containsExactly(countByLabel(idx("t10k-labels-idx1-ubyte", 0x801, 1)));
        assertThat(p.trainSize()).isEqualTo(6000);
        assertThat(p.testSize()).isEqualTo(1000);
    }

    @Test
    void the_sample_images_are_the_first_training_image_of_each_class_with_its_pixels_from_the_file()
            throws IOException {
        byte[] labels = idx("train-labels-idx1-ubyte", 0x801, 1);
        byte[] pixels = idx("train-images-idx3-ubyte", 0x803, 3);
        DatasetPreview p = DatasetPreview.of(builtIn("fashion-mnist-mlp"));
        assertThat(p.samples()).hasSize(10 * DatasetPreview.SAMPLES_PER_CLASS);
        for (int c = 0; c < 10; c++) {
            int first = 0;
            while ((labels[first] & 0xff) != c) {
                first++;
            }
            DatasetPreview.Sample s = p.samples().get(c);
            assertThat(s.label()).isEqualTo(c);
            assertThat(s.index()).as("first training image of class %d", c).isEqualTo(first);
            assertThat(s.height()).isEqualTo(28);
            assertThat(s.width()).isEqualTo(28);
            double[] expected = new double[784];
            for (int k = 0; k < 784; k++) {
                expected[k] = (pixels[first * 784 + k] & 0xff) / 255.0; // raw [0, 1], not normalised
            }
            assertThat(s.pixels()).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void a_generated_set_has_half_its_points_in_each_class_and_a_quarter_held_out() {
        // the recipe makes samples - samples / 2 points of class 1 and samples / 2 of class 0: 200 and 200 of 400;
        // the test set is round(400 · 0.25) = 100 of them, split without stratification
        DatasetPreview p = DatasetPreview.of(builtIn("spiral-mlp"));
        assertThat(p.isImage()).isFalse();
        assertThat(p.samples()).isEmpty();
        int[] train = p.trainCounts();
        int[] test = p.testCounts();
        assertThat(train[0] + test[0]).isEqualTo(200);
        assertThat(train[1] + test[1]).isEqualTo(200);
        assertThat(p.trainSize()).isEqualTo(300);
        assertThat(p.testSize()).isEqualTo(100);
        assertThat(p.points().train().size()).isEqualTo(300);
        assertThat(p.points().test().size()).isEqualTo(100);
    }

    @Test
    void the_points_drawn_are_the_split_the_trainer_evaluates_on() {
        ModelScenario spec = builtIn("circle-mlp");
        TrainTest trained = ModelTrainer.data(spec);
        DatasetPreview p = DatasetPreview.of(spec);
        assertThat(p.points().train()).isEqualTo(trained.train());
        assertThat(p.points().test()).isEqualTo(trained.test());
    }

    @Test
    void counts_and_ranges_of_a_small_split_are_those_counted_by_hand() {
        Dataset train = new Dataset(
                "t",
                new double[][] {{0, 0}, {1, 2}, {-1, 0.5}},
                new int[] {0, 1, 1},
                2,
                new int[] {2},
                List.of("x1", "x2"),
                List.of("0", "1"));
        Dataset test = new Dataset(
                "t", new double[][] {{3, -2}}, new int[] {0}, 2, new int[] {2}, List.of("x1", "x2"), List.of("0", "1"));
        DatasetPreview p = DatasetPreview.of(new TrainTest(train, test));
        assertThat(p.trainCounts()).containsExactly(1, 2);
        assertThat(p.testCounts()).containsExactly(1, 0);
        // x over both sets: 0, 1, -1, 3; y: 0, 2, 0.5, -2
        assertThat(Arrays.asList(
                        p.points().xMin(),
                        p.points().xMax(),
                        p.points().yMin(),
                        p.points().yMax()))
                .containsExactly(-1.0, 3.0, -2.0, 2.0);
    }
}
