package dev.gradlab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        assertThat(bundled.train().size()).isEqualTo(6000);
        assertThat(bundled.test().size()).isEqualTo(1000);
        for (Dataset d : new Dataset[] {bundled.train(), bundled.test()}) {
            assertThat(d.height()).isEqualTo(28);
            assertThat(d.width()).isEqualTo(28);
            assertThat(d.features()).isEqualTo(784);
            assertThat(d.classes()).isEqualTo(10);
            assertThat(d.classNames()).isEqualTo(FashionMnist.CLASS_NAMES_EN);
        }
    }

    @Test
    void every_class_has_the_same_number_of_images() {
        int[] train = new int[10];
        int[] test = new int[10];
        java.util.Arrays.fill(train, 600);
        java.util.Arrays.fill(test, 100);
        assertThat(bundled.train().classCounts()).containsExactly(train);
        assertThat(bundled.test().classCounts()).containsExactly(test);
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
        assertThat(min).isEqualTo(0);
        assertThat(max).isEqualTo(1);
        // the subset's mean should be near the full set's 0.2860
        assertThat(sum / (6000 * 784)).isCloseTo(FashionMnist.MEAN, within(0.01));
    }

    @Test
    void load_by_name_without_a_folder_gives_the_bundled_subset() {
        assertThat(Datasets.load("fashion-mnist", 400, 0.1, 0.25, 42)).isEqualTo(bundled);
    }

    @Test
    void reordering_one_callers_examples_leaves_the_next_callers_untouched() {
        TrainTest mine = Datasets.fashionMnist();
        double[] first = mine.train().x()[0];
        int firstLabel = mine.train().y()[0];
        mine.train().x()[0] = mine.train().x()[1];
        mine.train().y()[0] = 99;
        TrainTest theirs = Datasets.fashionMnist();
        assertThat(theirs.train().x()[0]).isSameAs(first);
        assertThat(theirs.train().y()[0]).isEqualTo(firstLabel);
    }

    static boolean debianFilesInstalled() {
        return Files.isDirectory(FashionMnistSubset.DEBIAN_FOLDER);
    }

    @Test
    @EnabledIf("debianFilesInstalled")
    void the_bundled_subset_is_the_first_600_and_100_images_per_class_of_the_full_files() {
        TrainTest full = Datasets.load("fashion-mnist", 0, 0, 0, 0, FashionMnistSubset.DEBIAN_FOLDER);
        assertThat(full.train().size()).isEqualTo(60000);
        assertThat(full.test().size()).isEqualTo(10000);
        check(full.train(), bundled.train(), 600);
        check(full.test(), bundled.test(), 100);
    }

    private static void check(Dataset full, Dataset subset, int perClass) {
        int[] seen = new int[10];
        int k = 0;
        for (int i = 0; i < full.size() && k < subset.size(); i++) {
            int c = full.y()[i];
            if (seen[c]++ < perClass) {
                assertThat(subset.y()[k]).isEqualTo(c);
                assertThat(subset.x()[k])
                        .as("subset image " + k + " = full image " + i)
                        .containsExactly(full.x()[i], within(0.0));
                k++;
            }
        }
        assertThat(k).isEqualTo(subset.size());
    }
}
