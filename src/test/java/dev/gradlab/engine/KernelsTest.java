package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three matrix-product layouts against the textbook triple loop, on the small path and the blocked one. */
class KernelsTest {

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"1,1,1", "3,4,5", "2,3,16", "9,23,21", "64,33,128", "7,784,19", "128,64,97", "1,300,40"})
    void every_layout_matches_the_definition_of_the_matrix_product(int m, int k, int n) {
        Random rnd = new Random(m * 1000 + k * 10 + n);
        double[] a = random(rnd, m * k);
        double[] b = random(rnd, k * n);
        double[] c0 = random(rnd, m * n);
        double[] expected = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    expected[i * n + j] += a[i * k + p] * b[p * n + j];
                }
            }
        }
        double[] c = c0.clone();
        Kernels.matmul(a, b, c, m, k, n);
        assertThat(c).containsExactly(expected, within(1e-12));

        c = c0.clone();
        Kernels.matmulABt(a, Kernels.transpose(b, k, n), c, m, k, n);
        assertThat(c).containsExactly(expected, within(1e-12));

        c = c0.clone();
        Kernels.matmulAtB(Kernels.transpose(a, m, k), b, c, m, k, n);
        assertThat(c).containsExactly(expected, within(1e-12));
    }

    private static double[] random(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() * 2 - 1;
        }
        return v;
    }
}
