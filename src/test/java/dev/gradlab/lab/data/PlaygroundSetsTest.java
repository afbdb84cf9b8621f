package dev.gradlab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaygroundSetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "xor", "circle", "gaussian"})
    void the_same_seed_gives_identical_arrays_and_another_seed_different_ones(String name) {
        Dataset a = Datasets.generate(name, 300, 0.2, 42);
        Dataset b = Datasets.generate(name, 300, 0.2, 42);
        Dataset c = Datasets.generate(name, 300, 0.2, 43);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.x()[i]).containsExactly(a.x()[i], within(0.0));
        }
        assertThat(b.y()).containsExactly(a.y());
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "xor", "circle", "gaussian"})
    void every_set_has_the_asked_number_of_two_feature_points_with_binary_labels(String name) {
        Dataset d = Datasets.generate(name, 301, 0.1, 7);
        assertThat(d.size()).isEqualTo(301);
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.shape()).containsExactly(new int[] {2});
        assertThat(d.featureNames()).isEqualTo(List.of("x1", "x2"));
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.x()[i].length).isEqualTo(2);
            assertThat(d.y()[i]).isIn(0, 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "circle", "gaussian"})
    void sets_made_class_by_class_are_balanced_exactly_when_noise_does_not_relabel(String name) {
        assertThat(Datasets.generate(name, 400, 0, 1).classCounts()).containsExactly(new int[] {200, 200});
        // odd sizes: the extra point goes to class 1, which is made first
        assertThat(Datasets.generate(name, 401, 0, 1).classCounts()).containsExactly(new int[] {200, 201});
    }

    @Test
    void xor_labels_follow_the_sign_of_x1_times_x2_and_classes_are_balanced_on_average() {
        Dataset clean = Datasets.generate("xor", 2000, 0, 3);
        for (int i = 0; i < clean.size(); i++) {
            double[] p = clean.x()[i];
            assertThat(clean.y()[i]).as("point " + i).isEqualTo(p[0] * p[1] >= 0 ? 1 : 0);
            // playground padding: |coordinate| in [0.3, 5.3] playground units, i.e. divided by 6
            for (double v : p) {
                assertThat(Math.abs(v) >= 0.3 / 6 - 1e-12 && Math.abs(v) <= 5.3 / 6 + 1e-12)
                        .as("coordinate " + v)
                        .isTrue();
            }
        }
        int ones = clean.classCounts()[1];
        assertThat(ones).as("class 1 count").isStrictlyBetween(900, 1100);

        // noise 0.2 jitters the labelling point by at most 5·0.2 = 1 playground unit = 1/6 per axis
        Dataset noisy = Datasets.generate("xor", 2000, 0.2, 3);
        int flipped = 0;
        for (int i = 0; i < noisy.size(); i++) {
            double[] p = noisy.x()[i];
            int rule = p[0] * p[1] >= 0 ? 1 : 0;
            if (Math.abs(p[0]) > 1.0 / 6 && Math.abs(p[1]) > 1.0 / 6) {
                assertThat(noisy.y()[i])
                        .as("point " + i + " away from the axes")
                        .isEqualTo(rule);
            } else if (rule != noisy.y()[i]) {
                flipped++;
            }
        }
        assertThat(flipped)
                .as("noise should mislabel some points near the axes")
                .isPositive();
    }

    @Test
    void circle_puts_class_1_in_the_inner_disc_and_class_0_in_the_outer_ring() {
        Dataset clean = Datasets.generate("circle", 1000, 0, 5);
        for (int i = 0; i < clean.size(); i++) {
            double r = Math.hypot(clean.x()[i][0], clean.x()[i][1]) * 6;
            if (clean.y()[i] == 1) {
                assertThat(r).as("inner radius").isLessThanOrEqualTo(2.5);
            } else {
                assertThat(r).as("outer radius").isBetween(3.5, 5.0);
            }
        }
        assertThat(clean.classCounts()).containsExactly(new int[] {500, 500});

        // noise 0.1 moves the labelling point by at most 0.5·√2 playground units: ring points (r ≥ 3.5) stay
        // class 0, only disc points closer than that to the edge r = 2.5 can turn into class 0
        Dataset some = Datasets.generate("circle", 1000, 0.1, 5);
        for (int i = 0; i < some.size(); i++) {
            double r = Math.hypot(some.x()[i][0], some.x()[i][1]) * 6;
            if (some.y()[i] == 1) {
                assertThat(r).as("inner radius").isLessThanOrEqualTo(2.5);
            } else {
                assertThat(r).as("radius of a class 0 point").isGreaterThanOrEqualTo(2.5 - 0.5 * Math.sqrt(2));
            }
        }
        // strong noise relabels some points, but the radius still tells the classes apart on average
        Dataset noisy = Datasets.generate("circle", 1000, 0.5, 5);
        double[] meanRadius = new double[2];
        for (int i = 0; i < noisy.size(); i++) {
            meanRadius[noisy.y()[i]] +=
                    Math.hypot(noisy.x()[i][0], noisy.x()[i][1]) / noisy.classCounts()[noisy.y()[i]];
        }
        assertThat(meanRadius[1]).as("mean radius of class 1 against class 0").isLessThan(meanRadius[0]);
    }

    @Test
    void gaussian_class_means_sit_on_the_playground_centres_with_the_playground_variance() {
        for (double noise : new double[] {0, 0.5}) {
            Dataset d = Datasets.generate("gaussian", 8000, noise, 11);
            double variance = (0.5 + 7 * noise) / 36; // playground variance, then divided by 6²
            double[][] sum = new double[2][2];
            double[][] sq = new double[2][2];
            for (int i = 0; i < d.size(); i++) {
                for (int j = 0; j < 2; j++) {
                    sum[d.y()[i]][j] += d.x()[i][j];
                    sq[d.y()[i]][j] += d.x()[i][j] * d.x()[i][j];
                }
            }
            for (int c = 0; c < 2; c++) {
                double centre = (c == 1 ? 2.0 : -2.0) / 6;
                for (int j = 0; j < 2; j++) {
                    double mean = sum[c][j] / 4000;
                    double var = sq[c][j] / 4000 - mean * mean;
                    // 5 standard errors of the mean, 10 % on the variance (its standard error is ~2.2 %)
                    assertThat(mean)
                            .as("class " + c + " mean, noise " + noise)
                            .isCloseTo(centre, within(5 * Math.sqrt(variance / 4000)));
                    assertThat(var)
                            .as("class " + c + " variance, noise " + noise)
                            .isCloseTo(variance, within(0.1 * variance));
                }
            }
        }
    }

    @Test
    void spiral_points_lie_on_two_arms_that_are_half_a_turn_apart() {
        Dataset d = Datasets.generate("spiral", 400, 0, 9);
        // class 1 is made first (indices 0..199), class 0 after (200..399), each arm point i of 200
        for (int i = 0; i < 200; i++) {
            double[] p = d.x()[i];
            double[] q = d.x()[200 + i];
            assertThat(d.y()[i]).isEqualTo(1);
            assertThat(d.y()[200 + i]).isEqualTo(0);
            double r = Math.hypot(p[0], p[1]) * 6;
            assertThat(r).isCloseTo(5.0 * i / 200, within(1e-9));
            if (i > 0) {
                // x = r sin t, y = r cos t with t = 1.75 · 2π · r / 5 (mod 2π)
                double t = 1.75 * 2 * Math.PI * r / 5;
                assertThat(p[0]).isCloseTo(r * Math.sin(t) / 6, within(1e-9));
                assertThat(p[1]).isCloseTo(r * Math.cos(t) / 6, within(1e-9));
            }
            // the other arm is the same point turned by π: (−x, −y)
            assertThat(q[0]).isCloseTo(-p[0], within(1e-9));
            assertThat(q[1]).isCloseTo(-p[1], within(1e-9));
        }
        Dataset noisy = Datasets.generate("spiral", 400, 0.5, 9);
        for (int i = 0; i < 400; i++) {
            double dx = noisy.x()[i][0] - d.x()[i][0];
            double dy = noisy.x()[i][1] - d.x()[i][1];
            assertThat(Math.abs(dx) <= 0.5 / 6 && Math.abs(dy) <= 0.5 / 6)
                    .as("noise moves a point at most noise/6")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "xor", "circle"})
    void features_stay_within_minus_one_and_one(String name) {
        Dataset d = Datasets.generate(name, 1000, 0.5, 2);
        for (double[] p : d.x()) {
            assertThat(Math.abs(p[0]) <= 1 && Math.abs(p[1]) <= 1)
                    .as(name + " point " + p[0] + ", " + p[1])
                    .isTrue();
        }
    }

    @Test
    void bad_sample_counts_and_noise_are_refused_with_the_parameter_named() {
        DatasetException few = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.generate("spiral", 1, 0, 1))
                .actual();
        assertThat(few.getMessage()).contains("samples", "got 1");
        DatasetException many = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.generate("xor", Datasets.MAX_SAMPLES + 1, 0, 1))
                .actual();
        assertThat(many.getMessage()).contains("samples");
        for (double noise : new double[] {-0.1, 1.5, Double.NaN}) {
            DatasetException e = assertThatExceptionOfType(DatasetException.class)
                    .isThrownBy(() -> Datasets.generate("circle", 10, noise, 1))
                    .actual();
            assertThat(e.getMessage()).startsWith("circle: noise");
        }
    }
}
