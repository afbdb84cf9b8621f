package dev.gradlab.engine.backend;

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
        assumeTrue(
                blas != null,
                () -> "no native BLAS here: " + NativeGemm.loaded().note());
        checkAllLayouts(blas, m, k, n, threads);
    }

    @Test
    void a_failure_in_a_block_run_by_another_thread_reaches_the_caller() {
        assertThatThrownBy(() -> RowSplit.run(
                        (i0, i1) -> {
                            if (i0 > 0) {
                                throw new IllegalStateException("block " + i0);
                            }
                        },
                        100,
                        4,
                        2))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void row_blocks_cover_every_row_exactly_once() {
        int[] seen = new int[101];
        RowSplit.run(
                (i0, i1) -> {
                    for (int i = i0; i < i1; i++) {
                        synchronized (seen) {
                            seen[i]++;
                        }
                    }
                },
                101,
                7,
                4);
        assertThat(seen).containsOnly(1);
    }

    @Test
    void the_blocks_depend_on_the_number_of_rows_only() {
        // the same blocks whatever the thread count: what a thread computes cannot depend on how many there are
        java.util.List<String> one = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<String> three = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        RowSplit.run((i0, i1) -> one.add(i0 + "-" + i1), 100, RowSplit.blocks(100), 1);
        RowSplit.run((i0, i1) -> three.add(i0 + "-" + i1), 100, RowSplit.blocks(100), 3);
        assertThat(three).containsExactlyInAnyOrderElementsOf(one);
        assertThat(one).hasSize(8).startsWith("0-12"); // 100 rows: at most 8 blocks of at least 8 rows
        assertThat(RowSplit.blocks(5)).isEqualTo(1);
        assertThat(RowSplit.blocks(100_000)).isEqualTo(RowSplit.MAX_BLOCKS);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"37,53,29", "64,784,64", "9,6,17", "1000,64,10"})
    void the_java_kernel_gives_every_element_the_same_bits_whatever_the_row_blocks(int m, int k, int n) {
        // one call for all rows against blocks of every size 1..5 and uneven ones: an odd row left over at the end
        // of a block must be summed in the same order as a row computed in a pair
        Random rnd = new Random(7);
        double[] a = random(rnd, m * k);
        double[][] b = JavaGemm.rows(random(rnd, k * n), k, n);
        double[] c0 = random(rnd, m * n);
        double[] whole = c0.clone();
        JavaGemm.gemm(a, k, 1, b, whole, 0, m, k, n);
        for (int size : new int[] {1, 2, 3, 5}) {
            double[] c = c0.clone();
            for (int i0 = 0; i0 < m; i0 += size) {
                JavaGemm.gemm(a, k, 1, b, c, i0, Math.min(m, i0 + size), k, n);
            }
            assertThat(c).as("blocks of %d rows", size).containsExactly(whole);
        }
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"64,784,64", "1000,64,10", "65,300,33"})
    void one_thread_and_several_give_the_same_bits_on_each_kernel(int m, int k, int n) {
        checkThreadCountsAgree(null, m, k, n);
        NativeBLAS blas = NativeGemm.loaded().blas();
        if (blas == null) {
            System.out.println("skipped the native half: " + NativeGemm.loaded().note());
            return;
        }
        checkThreadCountsAgree(blas, m, k, n);
    }

    @Test
    void the_kernel_choice_is_a_function_of_configuration_and_the_library_found() {
        String blis = "/usr/lib/x86_64-linux-gnu/blis-pthread/libblas.so.3";
        String reference = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3";
        assertThat(NativeGemm.decide(NativeGemm.Mode.JAVA, blis, true, 1, 2).useNative())
                .isFalse();
        assertThat(NativeGemm.decide(NativeGemm.Mode.AUTO, blis, true, 1, 2).useNative())
                .isTrue();
        assertThat(NativeGemm.decide(NativeGemm.Mode.AUTO, null, false, 1, 2).useNative())
                .isFalse();
        assertThat(NativeGemm.decide(NativeGemm.Mode.AUTO, reference, false, 1, 2)
                        .useNative())
                .isFalse();
        assertThat(NativeGemm.decide(NativeGemm.Mode.NATIVE, reference, false, 1, 2)
                        .useNative())
                .isTrue();
        NativeGemm.Decision tooMany = NativeGemm.decide(NativeGemm.Mode.NATIVE, blis, true, 4, 1);
        assertThat(tooMany.useNative()).isFalse();
        assertThat(tooMany.reason())
                .contains("4 threads")
                .contains("gradlab.threads=1")
                .contains("BLIS_NUM_THREADS=1");
    }

    @Test
    void a_librarys_threads_per_call_come_from_the_variables_it_reads() {
        String blis = "/usr/lib/x86_64-linux-gnu/blis-pthread/libblas.so.3";
        String openblas = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";
        assertThat(NativeGemm.ownThreads(blis, java.util.Map.of(), 8)).isEqualTo(1);
        assertThat(NativeGemm.ownThreads(blis, java.util.Map.of("OMP_NUM_THREADS", "3"), 8))
                .isEqualTo(3);
        assertThat(NativeGemm.ownThreads(blis, java.util.Map.of("BLIS_NUM_THREADS", "2", "OMP_NUM_THREADS", "3"), 8))
                .isEqualTo(2);
        assertThat(NativeGemm.ownThreads(openblas, java.util.Map.of(), 8)).isEqualTo(8);
        assertThat(NativeGemm.ownThreads(openblas, java.util.Map.of("OPENBLAS_NUM_THREADS", "1"), 8))
                .isEqualTo(1);
        assertThat(NativeGemm.ownThreads(openblas, java.util.Map.of("OPENBLAS_NUM_THREADS", "x"), 8))
                .isEqualTo(8);
        assertThat(NativeGemm.ownThreads(
                        "/usr/lib/x86_64-linux-gnu/blis-serial/libblas.so.3",
                        java.util.Map.of("BLIS_NUM_THREADS", "4"),
                        8))
                .isEqualTo(1);
    }

    @Test
    void the_backend_names_its_kernel_and_threads() {
        assertThat(Backend.matmul()).contains("thread");
        assertThat(Backend.numThreads()).isPositive();
    }

    private static void checkThreadCountsAgree(@Nullable NativeBLAS blas, int m, int k, int n) {
        Random rnd = new Random(11);
        double[] a = random(rnd, m * k);
        double[] b = random(rnd, k * n);
        double[] c0 = random(rnd, m * n);
        for (Gemm.Layout layout : Gemm.Layout.values()) {
            double[] bb = layout == Gemm.Layout.ABT ? Gemm.transpose(b, k, n) : b;
            double[] aa = layout == Gemm.Layout.ATB ? Gemm.transpose(a, m, k) : a;
            double[] one = c0.clone();
            Gemm.run(layout, blas, aa, bb, one, m, k, n, 1);
            for (int threads = 2; threads <= 4; threads++) {
                double[] several = c0.clone();
                Gemm.run(layout, blas, aa, bb, several, m, k, n, threads);
                assertThat(several)
                        .as("%s, %s, %d threads", blas == null ? "Java" : "native", layout, threads)
                        .containsExactly(one);
            }
        }
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
        Gemm.run(Gemm.Layout.ABT, blas, a, Gemm.transpose(b, k, n), c, m, k, n, threads);
        assertClose(c, expected, scale, "A·Bᵀ");

        c = c0.clone();
        Gemm.run(Gemm.Layout.ATB, blas, Gemm.transpose(a, m, k), b, c, m, k, n, threads);
        assertClose(c, expected, scale, "Aᵀ·B");
    }

    private static void assertClose(double[] actual, double[] expected, double[] scale, String layout) {
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]) / scale[i];
            assertThat(error)
                    .as("%s: element %d is %s, expected %s", layout, i, actual[i], expected[i])
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
