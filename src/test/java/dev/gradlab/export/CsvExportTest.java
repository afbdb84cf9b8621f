package dev.gradlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.gradlab.cli.RunCommand;
import dev.gradlab.cli.RunJson;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.train.ModelTrainer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV read back by Jackson's CSV parser (not ours) and checked against the run command's JSON. */
class CsvExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String[]> parse(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void gd_by_hand_rows_hold_the_hand_worked_values() throws Exception {
        List<String[]> rows = parse(CsvExport.steps(new Runner().run(ExportFixtures.builtIn("gd-by-hand"))));
        assertThat(rows.get(0))
                .containsExactly("strategy", "step", "epoch", "batch", "loss", "theta.grad", "theta.applied", "theta");
        // summed: .grad is 2, 3, 2 (running sums of 2, 1, -1); theta 10 - 2 = 8, 8 - 3 = 5, 5 - 2 = 3
        assertThat(rows.get(4)).containsExactly("summed", "1", "1", "1", "", "2.0", "2.0", "8.0");
        assertThat(rows.get(5)).containsExactly("summed", "2", "1", "2", "", "3.0", "3.0", "5.0");
        assertThat(rows.get(6)).containsExactly("summed", "3", "1", "3", "", "2.0", "2.0", "3.0");
        // averaged, step 3: .grad holds 2 + 1 - 1 = 2 over 3 batches, so 2/3 is applied
        assertThat(Double.parseDouble(rows.get(9)[6])).isEqualTo(2.0 / 3);
        assertThat(rows).hasSize(1 + 3 * 3);
    }

    @Test
    void every_cell_of_the_matrix_scenario_matches_the_run_json() throws Exception {
        Scenario s = ExportFixtures.builtIn("mlp-explicit-weights");
        var result = new Runner().run(s);
        List<String[]> rows = parse(CsvExport.steps(result));
        JsonNode json = JSON.readTree(RunJson.write(result));
        String[] header = rows.get(0);
        // matrix elements are named W1[row,col]: the comma makes them quoted fields, which the parser undoes
        assertThat(header).contains("W1[0,0].grad", "W1[0,0].applied", "W1[0,0]", "W1[1,2]", "b1[2].grad", "b2[1]");
        assertThat(header).hasSize(5 + 3 * (6 + 3 + 6 + 2));
        int row = 1;
        for (JsonNode run : json.get("runs")) {
            for (JsonNode step : run.get("steps")) {
                String[] cells = rows.get(row++);
                assertThat(cells[0]).isEqualTo(run.get("strategy").asText());
                assertThat(Integer.parseInt(cells[1]))
                        .isEqualTo(step.get("step").asInt());
                assertThat(Integer.parseInt(cells[2]))
                        .isEqualTo(step.get("epoch").asInt());
                assertThat(Integer.parseInt(cells[3]))
                        .isEqualTo(step.get("batch").asInt());
                assertThat(Double.parseDouble(cells[4]))
                        .isEqualTo(step.get("loss").asDouble());
                int col = 5;
                for (Iterator<String> names = step.get("params").fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    for (int i = 0; i < step.get("params").get(name).size(); i++) {
                        assertThat(cell(cells[col++]))
                                .isEqualTo(value(step.get("grad").get(name), i));
                        JsonNode applied = step.get("applied").isNull()
                                ? null
                                : step.get("applied").get(name);
                        assertThat(cell(cells[col++])).isEqualTo(applied == null ? null : value(applied, i));
                        assertThat(cell(cells[col++]))
                                .isEqualTo(value(step.get("params").get(name), i));
                    }
                }
                assertThat(col).isEqualTo(header.length);
            }
        }
        assertThat(row).isEqualTo(rows.size());
    }

    @Test
    void rows_end_in_crlf_and_awkward_fields_are_quoted_as_rfc_4180_says() throws Exception {
        String csv = CsvExport.steps(new Runner().run(ExportFixtures.builtIn("linear-regression-batches")));
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(CsvExport.field("plain")).isEqualTo("plain");
        assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        String line = String.join(
                        ",",
                        List.of(
                                CsvExport.field("a,b"),
                                CsvExport.field("say \"hi\""),
                                CsvExport.field("two\r\nlines"),
                                CsvExport.field("x")))
                + "\r\n";
        assertThat(parse(line).get(0)).containsExactly("a,b", "say \"hi\"", "two\r\nlines", "x");
    }

    @Test
    void a_step_before_any_backward_of_a_parameter_leaves_its_grad_cells_empty(@TempDir Path dir) throws Exception {
        // b is never given a gradient: its .grad stays None and the optimizer skips it
        String text = "id: skip\ntitle: Skip\nkind: manual\nlearningRate: 1\nstrategies: [zeroed]\n"
                + "params: {a: 1, b: 5}\ngradients:\n  - {a: 3}\n";
        List<String[]> rows = parse(CsvExport.steps(new Runner().run(ScenarioParser.parse(text, "skip.yaml"))));
        assertThat(rows.get(1)).containsExactly("zeroed", "1", "1", "1", "", "3.0", "3.0", "-2.0", "", "", "5.0");
    }

    @Test
    void model_rows_hold_each_epochs_losses_accuracy_and_norms_of_the_run_json(@TempDir Path dir) throws Exception {
        String yaml = ExportFixtures.resourceText("xor-mlp").replace("epochs: 20", "epochs: 3");
        Path file = dir.resolve("xor-short.yaml");
        Files.writeString(file, yaml);
        ModelScenario s = (ModelScenario) ScenarioParser.parse(yaml, file.toString());
        List<String[]> rows = parse(CsvExport.epochs(new ModelTrainer().train(s)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RunCommand.run(file, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));

        assertThat(rows.get(0))
                .containsExactly(
                        "strategy",
                        "epoch",
                        "trainLoss",
                        "testLoss",
                        "accuracy",
                        "0.weight.gradNorm",
                        "0.weight.norm",
                        "0.bias.gradNorm",
                        "0.bias.norm",
                        "2.weight.gradNorm",
                        "2.weight.norm",
                        "2.bias.gradNorm",
                        "2.bias.norm");
        List<String[]> expected = new ArrayList<>();
        for (JsonNode run : json.get("runs")) {
            for (JsonNode epoch : run.get("epochs")) {
                JsonNode last = null;
                for (JsonNode step : run.get("steps")) {
                    if (step.get("epoch").asInt() == epoch.get("epoch").asInt()) {
                        last = step;
                    }
                }
                List<String> cells = new ArrayList<>(List.of(
                        run.get("strategy").asText(),
                        epoch.get("epoch").asText(),
                        text(epoch.get("trainLoss")),
                        text(epoch.get("testLoss")),
                        text(epoch.get("accuracy"))));
                for (String name : List.of("0.weight", "0.bias", "2.weight", "2.bias")) {
                    cells.add(norm(last.get("grad").get(name)));
                    cells.add(norm(last.get("params").get(name)));
                }
                expected.add(cells.toArray(String[]::new));
            }
        }
        assertThat(rows.subList(1, rows.size())).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String[] got = rows.get(i + 1);
            String[] want = expected.get(i);
            assertThat(got).hasSameSizeAs(want);
            assertThat(got[0]).isEqualTo(want[0]);
            for (int c = 1; c < want.length; c++) {
                if (want[c].isEmpty()) {
                    assertThat(got[c]).as("row %d col %d", i + 1, c).isEmpty();
                } else {
                    assertThat(Double.parseDouble(got[c]))
                            .as("row %d col %d", i + 1, c)
                            .isCloseTo(
                                    Double.parseDouble(want[c]),
                                    org.assertj.core.data.Percentage.withPercentage(1e-10));
                }
            }
        }
    }

    private static String text(JsonNode n) {
        return n.isNull() ? "" : n.asText();
    }

    /** The L2 norm of a JSON array, summed here in the test's own loop. */
    private static String norm(JsonNode values) {
        if (values == null || values.isNull()) {
            return "";
        }
        double s = 0;
        for (JsonNode v : values) {
            s += v.asDouble() * v.asDouble();
        }
        return Double.toString(Math.sqrt(s));
    }

    private static Double cell(String text) {
        return text.isEmpty() ? null : Double.parseDouble(text);
    }

    private static Double value(JsonNode array, int i) {
        return array == null || array.isNull() ? null : array.get(i).asDouble();
    }
}
