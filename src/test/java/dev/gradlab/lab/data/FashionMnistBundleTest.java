package dev.gradlab.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class FashionMnistBundleTest {

    static TrainTest bundled;

    @BeforeAll
    static void load() {
        bundled = Datasets.fashionMnist();
    }

    @Test
    void the_bundled_subset_holds_6000_training_and_1000_test_images_of_28_by_28() {
        assertEquals(6000, bundled.train().size());
        assertEquals(1000, bundled.test().size());
        for (Dataset d : new Dataset[] {bundled.train(), bundled.test()}) {
            assertEquals(28, d.height());
            assertEquals(28, d.width());
            assertEquals(784, d.features());
            assertEquals(10, d.classes());
            assertEquals(FashionMnist.CLASS_NAMES_EN, d.classNames());
        }
    }

    @Test
    void every_class_has_the_same_number_of_images() {
        int[] train = new int[10];
        int[] test = new int[10];
        java.util.Arrays.fill(train, 600);
        java.util.Arrays.fill(test, 100);
        assertArrayEquals(train, bundled.train().classCounts());
        assertArrayEquals(test, bundled.test().classCounts());
    }

    @Test
    void pixels_lie_in_zero_to_one_and_use_the_whole_range() {
        double min = 1;
        double max = 0;
        double sum = 0;
        for (double[] row : bundled.train().x()) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        assertEquals(0, min);
        assertEquals(1, max);
        // the subset's mean should be near the full set's 0.2860
        assertEquals(FashionMnist.MEAN, sum / (6000 * 784), 0.01);
    }

    @Test
    void load_by_name_without_a_folder_gives_the_bundled_subset() {
        assertEquals(bundled, Datasets.load("fashion-mnist", 400, 0.1, 0.25, 42));
    }

    @Test
    void reordering_one_callers_examples_leaves_the_next_callers_untouched() {
        TrainTest mine = Datasets.fashionMnist();
        double[] first = mine.train().x()[0];
        int firstLabel = mine.train().y()[0];
        mine.train().x()[0] = mine.train().x()[1];
        mine.train().y()[0] = 99;
        TrainTest theirs = Datasets.fashionMnist();
        assertSame(first, theirs.train().x()[0]);
        assertEquals(firstLabel, theirs.train().y()[0]);
    }

    static boolean debianFilesInstalled() {
        return Files.isDirectory(FashionMnistSubset.DEBIAN_FOLDER);
    }

    @Test
    @EnabledIf("debianFilesInstalled")
    void the_bundled_subset_is_the_first_600_and_100_images_per_class_of_the_full_files() {
        TrainTest full = Datasets.load("fashion-mnist", 0, 0, 0, 0, FashionMnistSubset.DEBIAN_FOLDER);
        assertEquals(60000, full.train().size());
        assertEquals(10000, full.test().size());
        check(full.train(), bundled.train(), 600);
        check(full.test(), bundled.test(), 100);
    }

    private static void check(Dataset full, Dataset subset, int perClass) {
        int[] seen = new int[10];
        int k = 0;
        for (int i = 0; i < full.size() && k < subset.size(); i++) {
            int c = full.y()[i];
            if (seen[c]++ < perClass) {
                assertEquals(c, subset.y()[k]);
                assertArrayEquals(full.x()[i], subset.x()[k], 0.0, "subset image " + k + " = full image " + i);
                k++;
            }
        }
        assertEquals(subset.size(), k);
    }
}
