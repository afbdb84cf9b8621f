package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Model scenarios through the {@code run} command: one per data set, the epochs entries, and norms for big models. */
class ModelRunCommandTest {

    @TempDir
    Path dir;

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String small(String dataset, String extra, int[] layers, String strategies) {
        return "id: t-" + dataset + "\ntitle: T\nkind: model\n"
                + "dataset: {name: " + dataset + extra + "}\n"
                + "model: {layers: " + java.util.Arrays.toString(layers) + ", activation: tanh}\n"
                + "seed: 3\nbatchSize: 20\nepochs: 2\nlearningRate: 0.1\n"
                + "strategies: " + strategies + "\n";
    }

    private JsonNode run(String yaml) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        CliRun r = CliRun.of("run", file.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return new ObjectMapper().readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "xor", "circle", "gaussian"})
    void each_generated_data_set_runs_as_a_model_scenario(String dataset) throws Exception {
        JsonNode doc =
                run(small(dataset, ", samples: 100, noise: 0.1", new int[] {2, 3, 2}, "[zeroed, {accumulate: 2}]"));
        assertThat(fields(doc)).containsExactly("id", "runs");
        assertThat(doc.get("runs")).hasSize(2);
        JsonNode run = doc.get("runs").get(1);
        assertThat(run.get("strategy").asText()).isEqualTo("accumulate-2");
        assertThat(fields(run)).containsExactly("strategy", "epochs", "steps");
        assertThat(run.get("epochs")).hasSize(2);
        JsonNode e = run.get("epochs").get(0);
        assertThat(fields(e)).containsExactly("epoch", "trainLoss", "testLoss", "accuracy");
        assertThat(e.get("epoch").asInt()).isEqualTo(1);
        // 100 samples, a quarter held out: the accuracy counts hits among 25 test points, so it is k / 25
        double hits = e.get("accuracy").asDouble() * 25;
        assertThat(hits).isCloseTo(Math.rint(hits), within(1e-9)).isBetween(0.0, 25.0);
        // 75 training points in batches of 20: 4 batches per epoch, the last one of 15
        assertThat(run.get("steps")).hasSize(8);
        JsonNode step = run.get("steps").get(0);
        assertThat(fields(step))
                .containsExactly("step", "epoch", "batch", "loss", "grad", "applied", "stepped", "params");
        assertThat(step.get("params").get("0.weight")).hasSize(6); // 2-3-2: small, shown in full
        assertThat(step.get("stepped").asBoolean()).isFalse();
        assertThat(step.get("applied").isNull()).isTrue();
        assertThat(run.get("steps").get(3).get("stepped").asBoolean()).isTrue(); // the epoch's last batch
    }

    @Test
    void fashion_mnist_runs_with_norms_in_place_of_values() throws Exception {
        String yaml = small("fashion-mnist", "", new int[] {784, 8, 10}, "[zeroed]")
                .replace("epochs: 2", "epochs: 1")
                .replace("batchSize: 20", "batchSize: 200");
        JsonNode doc = run(yaml);
        JsonNode run = doc.get("runs").get(0);
        assertThat(run.get("epochs")).hasSize(1);
        assertThat(run.get("epochs").get(0).get("accuracy").asDouble())
                .isGreaterThan(0.3); // ten classes: 0.1 by chance
        assertThat(run.get("steps")).hasSize(30); // 6,000 bundled training images in batches of 200
        JsonNode step = run.get("steps").get(0);
        assertThat(fields(step))
                .containsExactly("step", "epoch", "batch", "loss", "gradNorm", "appliedNorm", "stepped", "paramNorm");
        assertThat(fields(step.get("paramNorm"))).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(step.get("paramNorm").get("0.weight").isDouble()).isTrue();
        assertThat(step.get("gradNorm").get("0.weight").asDouble()).isPositive();
    }

    @Test
    void mnist_reads_the_idx_files_of_a_folder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("idx"));
        for (String f : List.of(
                "train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz")) {
            try (InputStream in = getClass().getResourceAsStream("/datasets/fashion-mnist/" + f)) {
                Files.copy(in, folder.resolve(f));
            }
        }
        String yaml = small("mnist", ", folder: \"" + folder + "\"", new int[] {784, 4, 10}, "[zeroed]")
                .replace("epochs: 2", "epochs: 1")
                .replace("batchSize: 20", "batchSize: 1000");
        System.setProperty("gradlab.datasets.roots", dir.toString()); // a scenario's folder must be inside a root
        try {
            JsonNode doc = run(yaml);
            assertThat(doc.get("runs").get(0).get("steps")).hasSize(6);
        } finally {
            System.clearProperty("gradlab.datasets.roots");
        }
    }

    @Test
    void the_same_file_gives_the_same_json_twice() throws Exception {
        String yaml = small("circle", ", samples: 60", new int[] {2, 4, 2}, "[zeroed, summed]");
        Path file = dir.resolve("twice.yaml");
        Files.writeString(file, yaml);
        CliRun a = CliRun.of("run", file.toString());
        CliRun b = CliRun.of("run", file.toString());
        assertThat(a.status()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void a_missing_folder_is_bad_input_with_the_file_named() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(
                file,
                small("mnist", ", folder: \"" + dir.resolve("nowhere") + "\"", new int[] {784, 4, 10}, "[zeroed]"));
        CliRun r = CliRun.of("run", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(file + ": dataset: ").doesNotContain("Exception");
    }
}
