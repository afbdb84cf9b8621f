package dev.gradlab.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(3, tt.test().size());
        assertEquals(7, tt.train().size());
        for (int k = 0; k < 3; k++) {
            assertEquals(perm[k], tt.test().x()[k][0]);
            assertEquals(perm[k] % 2, tt.test().y()[k]);
        }
        for (int k = 0; k < 7; k++) {
            assertEquals(perm[3 + k], tt.train().x()[k][0]);
        }
    }

    @Test
    void split_uses_every_example_once_and_is_reproducible_from_its_seed() {
        Dataset d = indexed(101);
        TrainTest a = d.split(0.25, 42);
        assertEquals(25, a.test().size()); // round(101 · 0.25) = round(25.25)
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
            assertEquals(i, all[i]);
        }
        assertEquals(a, d.split(0.25, 42));
        assertNotEquals(a.train(), d.split(0.25, 43).train());
    }

    @Test
    void split_refuses_fractions_that_leave_a_side_empty() {
        Dataset d = indexed(10);
        for (double f : new double[] {0, 1, -0.5, Double.NaN}) {
            DatasetException e = assertThrows(DatasetException.class, () -> d.split(f, 1));
            assertTrue(e.getMessage().startsWith("indexed: testFraction must be strictly between 0 and 1"));
        }
        assertTrue(assertThrows(DatasetException.class, () -> d.split(0.01, 1)).getMessage().contains("empty test set"));
        assertTrue(assertThrows(DatasetException.class, () -> d.split(0.99, 1)).getMessage()
                .contains("empty training set"));
    }

    @Test
    void normalize_maps_each_value_to_its_z_score_and_leaves_the_original_alone() {
        Dataset d = indexed(3);
        Dataset n = d.normalize(1, 2);
        assertArrayEquals(new double[] {-0.5}, n.x()[0]);
        assertArrayEquals(new double[] {0.5}, n.x()[2]);
        assertArrayEquals(new double[] {0}, d.x()[0]);
        assertSame(d.y(), n.y());
        assertThrows(DatasetException.class, () -> d.normalize(0, 0));
    }

    @Test
    void inconsistent_parts_are_refused_with_what_and_where() {
        double[][] x = {{1, 2}, {3}};
        DatasetException row = assertThrows(DatasetException.class, () -> new Dataset("d", x, new int[] {0, 1}, 2,
                new int[] {2}, List.of("a", "b"), List.of("0", "1")));
        assertEquals("d: row 1 has 1 values, expected 2 for example shape [2]", row.getMessage());
        DatasetException label = assertThrows(DatasetException.class, () -> new Dataset("d", new double[][] {{1}},
                new int[] {2}, 2, new int[] {1}, List.of("a"), List.of("0", "1")));
        assertEquals("d: label 2 of example 0 is outside [0, 2)", label.getMessage());
        DatasetException count = assertThrows(DatasetException.class, () -> new Dataset("d", new double[][] {{1}},
                new int[0], 2, new int[] {1}, List.of("a"), List.of("0", "1")));
        assertEquals("d: 1 feature rows but 0 labels", count.getMessage());
        DatasetException notImage = assertThrows(DatasetException.class, () -> indexed(2).height());
        assertTrue(notImage.getMessage().contains("not an image set"));
    }

    @Test
    void the_example_shape_cannot_be_changed_from_outside() {
        Dataset d = indexed(2);
        d.shape()[0] = 99;
        assertArrayEquals(new int[] {1}, d.shape());
    }
}
