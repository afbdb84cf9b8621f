package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void bench_prints_one_json_object_with_a_rate_for_each_workload() throws Exception {
        CliRun r = CliRun.of("bench", "--quick");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("singleThreaded").isBoolean()).isTrue();
        assertThat(doc.get("matmul").asText()).isNotBlank();
        assertThat(doc.get("blas").asText()).isNotBlank();
        assertThat(doc.get("threads").asInt()).isPositive();
        assertThat(doc.get("blasThreadsPerCall").asInt()).isPositive();
        JsonNode w = doc.get("workloads");
        assertThat(w.get("scalar").get("stepsPerSecond").asLong()).isPositive();
        assertThat(w.get("tiny").get("stepsPerSecond").asLong()).isPositive();
        assertThat(w.get("mlp").get("stepsPerSecond").asLong()).isPositive();
        assertThat(w.get("eval").get("passesPerSecond").asLong()).isPositive();
    }

    @Test
    void bench_refuses_unknown_arguments() {
        CliRun r = CliRun.of("bench", "--fast");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("usage: gradlab bench [--quick]");
    }

    @Test
    void every_workload_can_run_again_and_again() {
        // each call is one whole step: zero_grad must come first, or the second backward would fail or accumulate
        Runnable scalar = BenchWorkloads.scalar();
        for (int i = 0; i < 100; i++) {
            scalar.run();
        }
        BenchWorkloads.tiny().run();
        BenchWorkloads.mlp().run();
        BenchWorkloads.eval().run();
    }
}
