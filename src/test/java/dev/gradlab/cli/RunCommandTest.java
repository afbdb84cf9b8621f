package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    private static final String BUILT_INS = "src/main/resources/scenarios/";

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void run_prints_one_json_document_with_the_issue_shape() throws Exception {
        CliRun r = CliRun.of("run", BUILT_INS + "gd-by-hand.yaml");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(fields(doc)).containsExactly("id", "runs");
        assertThat(doc.get("id").asText()).isEqualTo("gd-by-hand");
        assertThat(doc.get("runs")).hasSize(3);
        JsonNode zeroed = doc.get("runs").get(0);
        assertThat(fields(zeroed)).containsExactly("strategy", "steps");
        assertThat(zeroed.get("strategy").asText()).isEqualTo("zeroed");
        JsonNode first = zeroed.get("steps").get(0);
        assertThat(fields(first))
                .containsExactly("step", "epoch", "batch", "loss", "grad", "applied", "stepped", "params");
        assertThat(first.get("step").isInt()).isTrue();
        assertThat(first.get("loss").isNull()).isTrue();
        assertThat(first.get("grad").get("theta").get(0).asDouble()).isEqualTo(2.0);
        assertThat(first.get("applied").get("theta").get(0).asDouble()).isEqualTo(2.0);
        assertThat(first.get("stepped").asBoolean()).isTrue();
        assertThat(first.get("params").get("theta").get(0).asDouble()).isEqualTo(8.0);
        // summed, step 2: θ = 8 − (2 + 1) = 5
        assertThat(doc.get("runs")
                        .get(1)
                        .get("steps")
                        .get(1)
                        .get("params")
                        .get("theta")
                        .get(0)
                        .asDouble())
                .isEqualTo(5.0);
    }

    @Test
    void every_built_in_runs_through_the_command() throws Exception {
        for (String id :
                List.of("accumulate-x-squared", "gd-by-hand", "linear-regression-batches", "mlp-explicit-weights")) {
            CliRun r = CliRun.of("run", BUILT_INS + id + ".yaml");
            assertThat(r.status()).as(r.err()).isZero();
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertThat(doc.get("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void accumulate_steps_show_null_applied_when_not_stepping_and_loss_before_division() throws Exception {
        CliRun r = CliRun.of("run", BUILT_INS + "linear-regression-batches.yaml");
        JsonNode acc = new ObjectMapper().readTree(r.out()).get("runs").get(3);
        assertThat(acc.get("strategy").asText()).isEqualTo("accumulate-2");
        JsonNode first = acc.get("steps").get(0);
        assertThat(first.get("stepped").asBoolean()).isFalse();
        assertThat(first.get("applied").isNull()).isTrue();
        // batch 1 is x = 1, 2 with y = 3, 5 and w = b = 0: mean(9, 25) = 17, not 17 / 2
        assertThat(first.get("loss").asDouble()).isEqualTo(17.0);
    }

    @Test
    void a_diverged_run_says_where_and_shows_null_values(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("boom.yaml");
        Files.writeString(file, """
                id: boom
                title: Boom
                kind: expression
                learningRate: 1e200
                strategies: [zeroed]
                params: {w: 1}
                loss: "w^2"
                steps: 3
                """);
        CliRun r = CliRun.of("run", file.toString());
        assertThat(r.status()).isZero();
        JsonNode run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
        assertThat(run.get("diverged").asInt()).isEqualTo(2);
        JsonNode step2 = run.get("steps").get(1);
        assertThat(step2.get("loss").isNull()).isTrue();
        assertThat(step2.get("params").get("w").isNull()).isTrue();
        assertThat(step2.get("grad").get("w").isNull()).isTrue();
    }

    @Test
    void usage_errors_exit_with_status_two() {
        assertThat(CliRun.of("run").status()).isEqualTo(2);
        assertThat(CliRun.of("run").err()).startsWith("usage: gradlab run FILE");
        CliRun missing = CliRun.of("run", "no/such/file.yaml");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().strip())
                .startsWith("no/such/file.yaml: no such file")
                .doesNotContain("\n");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void run_accepts_a_built_in_id_and_prints_what_running_its_file_prints() {
        CliRun byId = CliRun.of("run", "gd-by-hand");
        CliRun byFile = CliRun.of("run", BUILT_INS + "gd-by-hand.yaml");

        assertThat(byId.status()).as(byId.err()).isZero();
        assertThat(byId.err()).isEmpty();
        assertThat(byId.out()).isNotEmpty().isEqualTo(byFile.out());
    }

    @Test
    void a_built_in_id_runs_the_scenario_worked_by_hand() throws Exception {
        // gd-by-hand: θ = 10, η = 1, gradients 2, 1, −1; summed never zeroes: θ = 10 − 2 = 8, 8 − 3 = 5, 5 − 2 = 3
        JsonNode summed = new ObjectMapper()
                .readTree(CliRun.of("run", "gd-by-hand").out())
                .get("runs")
                .get(1);
        assertThat(summed.get("strategy").asText()).isEqualTo("summed");
        List<Double> thetas = new ArrayList<>();
        summed.get("steps")
                .forEach(step ->
                        thetas.add(step.get("params").get("theta").get(0).asDouble()));
        assertThat(thetas).containsExactly(8.0, 5.0, 3.0);
    }

    @Test
    void a_name_that_is_neither_a_file_nor_a_built_in_id_lists_the_built_in_ids() {
        CliRun r = CliRun.of("run", "gd-by-hand.yaml");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .startsWith("gd-by-hand.yaml: no such file")
                .contains(
                        "accumulate-x-squared",
                        "gd-by-hand,",
                        "linear-regression-batches",
                        "mlp-explicit-weights",
                        "spiral-mlp",
                        "xor-mlp",
                        "circle-mlp",
                        "gaussian-mlp",
                        "fashion-mnist-mlp");
    }

    @Test
    void a_file_in_the_working_directory_wins_over_a_built_in_id_of_the_same_name() throws Exception {
        Path file = Path.of("gd-by-hand"); // relative: in the working directory, where the id would be looked up
        assertThat(file).doesNotExist();
        Files.writeString(file, """
                id: mine
                title: Mine
                kind: manual
                learningRate: 0.5
                strategies: [zeroed]
                params: {theta: 4}
                gradients: [{theta: 2}]
                """);
        CliRun r;
        try {
            r = CliRun.of("run", "gd-by-hand");
        } finally {
            Files.delete(file);
        }
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("id").asText()).isEqualTo("mine");
        // θ = 4 − 0.5 · 2 = 3
        assertThat(doc.get("runs")
                        .get(0)
                        .get("steps")
                        .get(0)
                        .get("params")
                        .get("theta")
                        .get(0)
                        .asDouble())
                .isEqualTo(3.0);
    }
}
