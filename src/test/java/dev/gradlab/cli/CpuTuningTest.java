package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTuningTest {

    private static final Set<String> SKX = Set.of("fma", "avx2", "avx512f", "avx512dq", "avx512bw", "avx512vl");

    @Test
    void an_avx512_cpu_gets_its_blas_told_and_a_marker_against_restarting_twice() {
        Map<String, String> withBlis = CpuTuning.variables(SKX, Map.of(), true);
        assertThat(withBlis)
                .containsEntry("BLIS_ARCH_TYPE", "skx")
                .containsKey(CpuTuning.MARKER)
                .doesNotContainKey("OPENBLAS_CORETYPE");
        assertThat(CpuTuning.variables(SKX, withBlis, true)).isEmpty();
        Map<String, String> openBlasOnly = CpuTuning.variables(SKX, Map.of(), false);
        assertThat(openBlasOnly)
                .containsEntry("OPENBLAS_CORETYPE", "SkylakeX")
                .containsEntry("OPENBLAS_NUM_THREADS", "1");
    }

    @Test
    void nothing_changes_without_avx512_or_when_the_user_already_chose() {
        assertThat(CpuTuning.variables(Set.of("fma", "avx2", "avx512f"), Map.of(), true))
                .isEmpty();
        assertThat(CpuTuning.variables(SKX, Map.of("BLIS_ARCH_TYPE", "haswell"), true))
                .isEmpty();
        assertThat(CpuTuning.variables(SKX, Map.of("OPENBLAS_CORETYPE", "Haswell"), false))
                .isEmpty();
    }

    @Test
    void one_thread_tells_every_blas_thread_variable_that_says_otherwise_to_use_one() {
        Set<String> blis = Set.of("blis-pthread");
        Map<String, String> add = CpuTuning.variables(
                Set.of(),
                Map.of("BLIS_NUM_THREADS", "2", "OMP_NUM_THREADS", "4", "OPENBLAS_NUM_THREADS", "1"),
                blis,
                1);
        assertThat(add)
                .containsEntry("BLIS_NUM_THREADS", "1")
                .containsEntry("OMP_NUM_THREADS", "1")
                .doesNotContainKey("OPENBLAS_NUM_THREADS")
                .containsKey(CpuTuning.MARKER);
        // left to the user when more than one thread is allowed, and nothing to say when all already say 1
        assertThat(CpuTuning.variables(Set.of(), Map.of("BLIS_NUM_THREADS", "2"), blis, 2))
                .isEmpty();
        assertThat(CpuTuning.variables(Set.of(), Map.of(), blis, 1)).isEmpty();
        // OpenBLAS's pthread build spreads over all cores unless told
        assertThat(CpuTuning.variables(Set.of(), Map.of(), Set.of("openblas-pthread"), 1))
                .containsEntry("OPENBLAS_NUM_THREADS", "1");
        assertThat(CpuTuning.variables(Set.of(), Map.of(), Set.of("openblas-pthread", "blis-pthread"), 1))
                .isEmpty();
    }

    @Test
    void flags_come_from_the_first_cpu_in_cpuinfo_and_a_missing_file_means_none(@TempDir Path dir) throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nflags\t\t: fpu avx2 avx512f\n\nprocessor\t: 1\nflags\t\t: fpu\n");
        assertThat(CpuTuning.cpuFlags(cpuinfo)).containsExactlyInAnyOrder("fpu", "avx2", "avx512f");
        assertThat(CpuTuning.cpuFlags(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void outside_a_jar_the_command_carries_on_in_this_process() {
        assertThat(CpuTuning.restart(new String[] {"bench"}, Map.of("X", "1"))).isNull();
    }
}
