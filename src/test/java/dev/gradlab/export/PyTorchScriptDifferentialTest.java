package dev.gradlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradlab.cli.RunCommand;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in's exported script, run with real PyTorch, against the {@code run} command's JSON for the same
 * file: the same keys in the same order, the same arrays, nulls and {@code diverged}, one step per line; numbers to a
 * relative 1e-9 for manual and expression scenarios; for models every accuracy exactly and every loss, gradient and
 * parameter value to a relative 1e-6 (with an absolute floor of 1e-12, since a well-fitted batch's cross-entropy is
 * around 1e-14, where float64 rounding differences of the two kernels are the whole value). All built-ins run in full
 * but fashion-mnist-mlp, whose two epochs took 30 s in Java here (the limit is 20 s): a test-only copy of its file runs
 * one epoch.
 */
class PyTorchScriptDifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FASHION = Path.of("src/main/resources/datasets/fashion-mnist");

    static Stream<String> builtIns() {
        return BuiltInScenarios.all().stream().map(Scenario::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void the_exported_script_prints_the_run_commands_json(String id, @TempDir Path dir) throws Exception {
        assumeThat(Python.hasTorch())
                .as("PyTorch at /usr/bin/python3 (absent: the differential test is skipped)")
                .isTrue();
        String yaml = ExportFixtures.resourceText(id);
        if (id.equals("fashion-mnist-mlp")) {
            assertThat(yaml).contains("\nepochs: 2\n");
            yaml = yaml.replace("\nepochs: 2\n", "\nepochs: 1\n");
        }
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Scenario s = ScenarioParser.parse(yaml, file.toString());
        Path script = dir.resolve(id + ".py");
        Files.writeString(script, PyTorchScriptTest.export(s, Locale.ENGLISH), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Python.PYTHON, script.toString()));
        if (s instanceof ModelScenario m && m.dataset().equals("fashion-mnist")) {
            command.add(FASHION.toString());
        }
        Python.Result py = Python.run(command, 600);
        assertThat(py.status()).as(py.err()).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RunCommand.run(file, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        String expected = out.toString(StandardCharsets.UTF_8);

        assertThat(py.out().lines().count())
                .as("one step per line, as run prints")
                .isEqualTo(expected.lines().count());
        assertThat(py.out().lines().findFirst()).isEqualTo(expected.lines().findFirst());
        boolean model = s instanceof ModelScenario;
        compare(JSON.readTree(expected), JSON.readTree(py.out()), "", model ? 1e-6 : 1e-9, model);
    }

    private static void compare(JsonNode want, JsonNode got, String path, double rel, boolean model) {
        if (want.isObject()) {
            assertThat(got.isObject()).as(path).isTrue();
            assertThat(names(got)).as(path + " keys").containsExactlyElementsOf(names(want));
            for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                compare(want.get(k), got.get(k), path + "/" + k, rel, model);
            }
        } else if (want.isArray()) {
            assertThat(got.isArray()).as(path).isTrue();
            assertThat(got.size()).as(path + " size").isEqualTo(want.size());
            for (int i = 0; i < want.size(); i++) {
                compare(want.get(i), got.get(i), path + "[" + i + "]", rel, model);
            }
        } else if (want.isNumber() && (want.isFloatingPointNumber() || got.isFloatingPointNumber())) {
            assertThat(got.isNumber()).as(path).isTrue();
            double a = want.asDouble();
            double b = got.asDouble();
            if (path.endsWith("/accuracy")) {
                assertThat(b).as(path).isEqualTo(a);
                return;
            }
            double floor = model ? 1e-12 : 0;
            if (Math.abs(a - b) > rel * Math.max(Math.abs(a), Math.abs(b)) + floor) {
                fail(path + ": run printed " + a + ", PyTorch " + b);
            }
        } else {
            assertThat(got).as(path).isEqualTo(want);
        }
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
