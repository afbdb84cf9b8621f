package dev.gradlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioParser;
import org.junit.jupiter.api.Test;

class YamlExportTest {

    @Test
    void the_yaml_export_of_every_built_in_is_its_file_byte_for_byte() {
        for (Scenario s : BuiltInScenarios.all()) {
            assertThat(YamlExport.of(s)).as(s.id()).isEqualTo(ExportFixtures.resourceText(s.id()));
        }
    }

    @Test
    void the_yaml_export_keeps_the_authors_comments_and_layout() throws Exception {
        String text = "# my comment\nid: mine\ntitle: Mine\nkind: manual\nlearningRate: 0.5\n"
                + "strategies: [zeroed]\nparams: {a: 1}\ngradients:\n  - {a: 3}   # three\n";
        assertThat(YamlExport.of(ScenarioParser.parse(text, "mine.yaml"))).isEqualTo(text);
    }
}
