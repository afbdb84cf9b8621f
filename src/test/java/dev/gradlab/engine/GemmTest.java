package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each path of the large-product code forced in turn (the Java kernel, a native dgemm, one thread or rows split over
 * threads) against the textbook triple loop, in the three layouts, accumulating into a C that is not zero.
 */
class GemmTest {

    @ParameterizedTest(name = "m={0} k={1} n={2} threads={3}")
    @CsvSource({"2,3,16,1", "37,53,29,1", "37,53,29,3", "64,784,128,2", "128,64,784,2", "100,128,10,2", "1,40,300,1"})
    void the_java_kernel_matches_the_definition_of_the_matrix_product(int m, int k, int n, int threads) {
        checkAllLayouts(null, m, k, n, threads);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} threads={3}")
    @CsvSource({"2,3,16,1", "37,53,29,1", "37,53,29,3", "64,784,128,2", "128,64,784,2", "100,128,10,2", "1,40,300,1"})
    void the_native_dgemm_matches_the_definition_of_the_matrix_product(int m, int k, int n, int threads) {
        NativeBLAS blas = NativeGemm.loaded().blas();
        assumeTrue(blas != null, () -> "no native BLAS here: " + NativeGemm.loaded().note());
        checkAllLayouts(blas, m, k, n, threads);
    }

    @Test
    void a_failure_in_a_block_run_by_another_thread_reaches_the_caller() {
        assertThatThrownBy(() -> RowSplit.run((i0, i1) -> {
            if (i0 > 0) {
                throw new IllegalStateException("block " + i0);
            }
        }, 100, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void row_blocks_cover_every_row_exactly_once() {
        int[] seen = new int[101];
        RowSplit.run((i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                synchronized (seen) {
                    seen[i]++;
                }
            }
        }, 101, 4);
        assertThat(seen).containsOnly(1);
    }

    @Test
    void the_backend_names_its_kernel_and_threads() {
        assertThat(Backend.matmul()).contains("thread");
        assertThat(Backend.numThreads()).isPositive();
    }

    private static void checkAllLayouts(@Nullable NativeBLAS blas, int m, int k, int n, int threads) {
        Random rnd = new Random(m * 1000L + k * 10L + n);
        double[] a = random(rnd, m * k);
        double[] b = random(rnd, k * n);
        double[] c0 = random(rnd, m * n);
        double[] expected = c0.clone();
        double[] scale = new double[m * n]; // Σ|c0| + Σ|a·b|: what rounding error is relative to
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                scale[i * n + j] = Math.abs(c0[i * n + j]);
                for (int p = 0; p < k; p++) {
                    expected[i * n + j] += a[i * k + p] * b[p * n + j];
                    scale[i * n + j] += Math.abs(a[i * k + p] * b[p * n + j]);
                }
            }
        }
        double[] c = c0.clone();
        Gemm.run(Gemm.Layout.AB, blas, a, b, c, m, k, n, threads);
        assertClose(c, expected, scale, "A·B");

        c = c0.clone();
        Gemm.run(Gemm.Layout.ABT, blas, a, Kernels.transpose(b, k, n), c, m, k, n, threads);
        assertClose(c, expected, scale, "A·Bᵀ");

        c = c0.clone();
        Gemm.run(Gemm.Layout.ATB, blas, Kernels.transpose(a, m, k), b, c, m, k, n, threads);
        assertClose(c, expected, scale, "Aᵀ·B");
    }

    private static void assertClose(double[] actual, double[] expected, double[] scale, String layout) {
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]) / scale[i];
            assertThat(error).as("%s: element %d is %s, expected %s", layout, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(1e-12);
        }
    }

    private static double[] random(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() * 2 - 1;
        }
        return v;
    }
}
