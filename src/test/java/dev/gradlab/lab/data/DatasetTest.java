package dev.gradlab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Ten examples whose single feature is their own index, so every row can be traced after a split. */
    static Dataset indexed(int n) {
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i};
            y[i] = i % 2;
        }
        return new Dataset("indexed", x, y, 2, new int[] {1}, List.of("i"), List.of("even", "odd"));
    }

    @Test
    void split_follows_the_documented_fisher_yates_recipe() {
        Dataset d = indexed(10);
        TrainTest tt = d.split(0.3, 5);
        // the recipe from the doc comment, written out again here
        int[] perm = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 9; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        assertThat(tt.test().size()).isEqualTo(3);
        assertThat(tt.train().size()).isEqualTo(7);
        for (int k = 0; k < 3; k++) {
            assertThat(tt.test().x()[k][0]).isEqualTo(perm[k]);
            assertThat(tt.test().y()[k]).isEqualTo(perm[k] % 2);
        }
        for (int k = 0; k < 7; k++) {
            assertThat(tt.train().x()[k][0]).isEqualTo(perm[3 + k]);
        }
    }

    @Test
    void split_uses_every_example_once_and_is_reproducible_from_its_seed() {
        Dataset d = indexed(101);
        TrainTest a = d.split(0.25, 42);
        assertThat(a.test().size()).isEqualTo(25); // round(101 · 0.25) = round(25.25)
        double[] all = new double[101];
        int k = 0;
        for (double[] row : a.train().x()) {
            all[k++] = row[0];
        }
        for (double[] row : a.test().x()) {
            all[k++] = row[0];
        }
        Arrays.sort(all);
        for (int i = 0; i < 101; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
        assertThat(d.split(0.25, 42)).isEqualTo(a);
        assertThat(d.split(0.25, 43).train()).isNotEqualTo(a.train());
    }

    @Test
    void split_refuses_fractions_that_leave_a_side_empty() {
        Dataset d = indexed(10);
        for (double f : new double[] {0, 1, -0.5, Double.NaN}) {
            assertThatExceptionOfType(DatasetException.class)
                    .isThrownBy(() -> d.split(f, 1))
                    .withMessageStartingWith("indexed: testFraction must be strictly between 0 and 1");
        }
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> d.split(0.01, 1))
                .withMessageContaining("empty test set");
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> d.split(0.99, 1))
                .withMessageContaining("empty training set");
    }

    @Test
    void normalize_maps_each_value_to_its_z_score_and_leaves_the_original_alone() {
        Dataset d = indexed(3);
        Dataset n = d.normalize(1, 2);
        assertThat(n.x()[0]).containsExactly(new double[] {-0.5});
        assertThat(n.x()[2]).containsExactly(new double[] {0.5});
        assertThat(d.x()[0]).containsExactly(new double[] {0});
        assertThat(n.y()).isSameAs(d.y());
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> d.normalize(0, 0));
    }

    @Test
    void inconsistent_parts_are_refused_with_what_and_where() {
        double[][] x = {{1, 2}, {3}};
        DatasetException row = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() ->
                        new Dataset("d", x, new int[] {0, 1}, 2, new int[] {2}, List.of("a", "b"), List.of("0", "1")))
                .actual();
        assertThat(row.getMessage()).isEqualTo("d: row 1 has 1 values, expected 2 for example shape [2]");
        DatasetException label = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> new Dataset(
                        "d", new double[][] {{1}}, new int[] {2}, 2, new int[] {1}, List.of("a"), List.of("0", "1")))
                .actual();
        assertThat(label.getMessage()).isEqualTo("d: label 2 of example 0 is outside [0, 2)");
        DatasetException count = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> new Dataset(
                        "d", new double[][] {{1}}, new int[0], 2, new int[] {1}, List.of("a"), List.of("0", "1")))
                .actual();
        assertThat(count.getMessage()).isEqualTo("d: 1 feature rows but 0 labels");
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> indexed(2).height())
                .withMessageContaining("not an image set");
    }

    @Test
    void the_example_shape_cannot_be_changed_from_outside() {
        Dataset d = indexed(2);
        d.shape()[0] = 99;
        assertThat(d.shape()).containsExactly(new int[] {1});
    }
}
