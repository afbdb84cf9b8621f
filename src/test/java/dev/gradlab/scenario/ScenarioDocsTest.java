package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/scenarios.md names every field the parser accepts for {@code kind: model}, and claims no field for that kind
 * that the parser refuses. The accepted fields are read from the parser's own refusal of an unknown field (the list it
 * shows an author), not from a list copied into this test, so a field added to the parser without a line in the
 * documentation fails here.
 */
class ScenarioDocsTest {

    private static final String VALID = "id: m\ntitle: M\nkind: model\nlearningRate: 0.03\n"
            + "dataset: {name: spiral, samples: 40}\n"
            + "model: {layers: [2, 4, 2]}\n";
    private static final Pattern LISTED =
            Pattern.compile("(?:fields for kind: model|fields): ([A-Za-z0-9]+(?:, [A-Za-z0-9]+)+)");
    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9.]+)`");

    private static String docs;

    @BeforeAll
    static void readDocs() throws IOException {
        docs = Files.readString(Path.of("docs", "scenarios.md"), StandardCharsets.UTF_8);
    }

    /** The fields the parser lists when it refuses {@code yaml}'s unknown field {@code zzzzzz}. */
    private static List<String> accepted(String yaml) {
        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse(yaml, "m.yaml"), ScenarioException.class);
        assertThat(e).as("the parser refuses an unknown field in\n" + yaml).isNotNull();
        assertThat(e.getMessage()).contains("zzzzzz");
        Matcher m = LISTED.matcher(e.getMessage());
        assertThat(m.find())
                .as("the refusal lists the fields: " + e.getMessage())
                .isTrue();
        return Arrays.asList(m.group(1).split(", "));
    }

    /** The part of the documentation from {@code heading} to the next heading of the same level. */
    private static String section(String heading) {
        int start = docs.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isGreaterThanOrEqualTo(0);
        int end = docs.indexOf("\n## ", start + heading.length() + 1);
        return docs.substring(start, end < 0 ? docs.length() : end);
    }

    /** The table rows of a section: cells without the outer bars. */
    private static List<String[]> rows(String section) {
        List<String[]> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                rows.add(line.substring(2, line.length() - 1).split(" \\| "));
            }
        }
        return rows;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void every_top_level_field_of_a_model_scenario_has_a_row_for_all_kinds_or_the_model_kind_and_no_other() {
        List<String> parser = accepted(VALID + "zzzzzz: 1\n");
        assertThat(parser).contains("dataset", "model", "seed", "batchSize", "learningRate");
        Set<String> documented = new LinkedHashSet<>();
        for (String[] row : rows(section("## Fields"))) {
            if (row[1].contains("all") || row[1].contains("model")) {
                documented.addAll(names(row[0]));
            }
        }
        assertThat(documented).as("documented for kind: model").containsAll(parser);
        assertThat(parser).as("accepted by the parser for kind: model").containsAll(documented);
    }

    @Test
    void every_field_of_the_dataset_and_the_model_mappings_has_its_own_row() {
        String section = section("## The model kind");
        Set<String> documented = new LinkedHashSet<>();
        rows(section).forEach(row -> documented.addAll(names(row[0])));
        List<String> expected = new ArrayList<>();
        List<String> dataset = accepted(VALID.replace("samples: 40}", "samples: 40, zzzzzz: 1}"));
        List<String> model = accepted(VALID.replace("[2, 4, 2]}", "[2, 4, 2], zzzzzz: 1}"));
        assertThat(dataset).contains("name", "folder");
        assertThat(model).contains("layers", "dropout");
        dataset.forEach(f -> expected.add("dataset." + f));
        model.forEach(f -> expected.add("model." + f));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void every_optimizer_field_is_named_in_the_optimizer_row_under_its_type() {
        String row = rows(section("## Fields")).stream()
                .filter(r -> names(r[0]).contains("optimizer"))
                .findFirst()
                .orElseThrow()[2];
        for (String type : List.of("sgd", "adam")) {
            List<String> parser = accepted(VALID + "optimizer: {type: " + type + ", zzzzzz: 1}\n");
            assertThat(parser).contains("type", "weightDecay");
            Matcher m = Pattern.compile("\\{type: " + type + ", ([^}]*)}").matcher(row);
            assertThat(m.find())
                    .as("the optimizer row shows {type: " + type + ", …}")
                    .isTrue();
            List<String> documented = new ArrayList<>(List.of("type"));
            documented.addAll(Arrays.asList(m.group(1).split(", ")));
            assertThat(documented).as(type).containsExactlyInAnyOrderElementsOf(parser);
        }
    }
}
