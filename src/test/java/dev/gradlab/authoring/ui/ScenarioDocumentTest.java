package dev.gradlab.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradlab.base.ui.QrSvg;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.ScenarioParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The editor's two panes as one model: YAML → form texts → YAML, checked by the run parser itself. */
class ScenarioDocumentTest {

    static final String MANUAL = """
            id: by-hand
            title: {en: "By hand", zh-TW: "手算"}
            kind: manual
            learningRate: 1
            optimizer: {type: sgd, momentum: 0.5, nesterov: true}
            strategies: [zeroed, summed, {accumulate: 2}]
            params: {theta: 10}
            gradients:
              - {theta: 2}
              - {theta: 1}
            """;

    @Test
    void yaml_fills_the_form_with_each_fields_text() throws Exception {
        Map<FormField, String> form = ScenarioDocument.toForm(ScenarioDocument.read(MANUAL));
        assertThat(form.get(FormField.ID)).isEqualTo("by-hand");
        assertThat(form.get(FormField.TITLE_ZH)).isEqualTo("手算");
        assertThat(form.get(FormField.KIND)).isEqualTo("manual");
        assertThat(form.get(FormField.LEARNING_RATE)).isEqualTo("1");
        assertThat(form.get(FormField.OPTIMIZER)).isEqualTo("sgd");
        assertThat(form.get(FormField.MOMENTUM)).isEqualTo("0.5");
        assertThat(form.get(FormField.STRATEGIES)).isEqualTo("[zeroed, summed, {accumulate: 2}]");
        assertThat(form.get(FormField.PARAMS)).isEqualTo("theta: 10");
        assertThat(form.get(FormField.GRADIENTS)).isEqualTo("- {theta: 2}\n- {theta: 1}");
        assertThat(form.get(FormField.LOSS)).isEmpty();
    }

    @Test
    void the_form_written_back_parses_to_the_same_scenario_and_keeps_keys_the_form_does_not_show() throws Exception {
        ObjectNode tree = ScenarioDocument.read(MANUAL);
        ScenarioDocument.Written w = ScenarioDocument.fromForm(ScenarioDocument.toForm(tree), tree);
        assertThat(w.error()).isNull();
        String yaml = w.yaml();
        assertThat(yaml).contains("nesterov: true");
        ManualScenario before = (ManualScenario) ScenarioParser.parse(MANUAL, "a.yaml");
        ManualScenario after = (ManualScenario) ScenarioParser.parse(yaml, "a.yaml");
        assertThat(after.params().get("theta").data()).containsExactly(10.0);
        assertThat(after.gradients()).hasSize(2);
        assertThat(after.gradients().get(1).get("theta").data()).containsExactly(1.0);
        assertThat(after.strategies()).isEqualTo(before.strategies());
        assertThat(after.optimizer()).isEqualTo(before.optimizer());
        assertThat(after.title().byLanguage()).isEqualTo(Map.of("en", "By hand", "zh-TW", "手算"));
    }

    @Test
    void switching_the_kind_drops_the_other_kinds_fields_and_writes_the_new_ones() throws Exception {
        ObjectNode tree = ScenarioDocument.read(MANUAL);
        Map<FormField, String> form = new EnumMap<>(ScenarioDocument.toForm(tree));
        form.put(FormField.KIND, "expression");
        form.put(FormField.LOSS, "(theta - 3)^2");
        form.put(FormField.STEPS, "3");
        String yaml = ScenarioDocument.fromForm(form, tree).yaml();
        assertThat(yaml).doesNotContain("gradients");
        ExpressionScenario e = (ExpressionScenario) ScenarioParser.parse(yaml, "a.yaml");
        assertThat(e.lossText()).isEqualTo("(theta - 3)^2");
        assertThat(e.steps()).isEqualTo(3);
    }

    @Test
    void a_number_typed_in_a_field_becomes_a_yaml_number_and_a_word_stays_text_for_the_parser_to_name()
            throws Exception {
        ObjectNode tree = ScenarioDocument.read(MANUAL);
        Map<FormField, String> form = new EnumMap<>(ScenarioDocument.toForm(tree));
        form.put(FormField.LEARNING_RATE, "0.25");
        assertThat(ScenarioDocument.fromForm(form, tree).yaml()).contains("learningRate: 0.25\n");
        form.put(FormField.LEARNING_RATE, "fast");
        assertThat(ScenarioDocument.fromForm(form, tree).yaml()).contains("learningRate: fast\n");
    }

    @Test
    void a_field_whose_text_is_not_yaml_is_named_and_no_document_is_written() throws Exception {
        ObjectNode tree = ScenarioDocument.read(MANUAL);
        Map<FormField, String> form = new EnumMap<>(ScenarioDocument.toForm(tree));
        form.put(FormField.PARAMS, "theta: [1, 2");
        ScenarioDocument.Written w = ScenarioDocument.fromForm(form, tree);
        assertThat(w.yaml()).isNull();
        assertThat(w.error()).isNotNull();
        assertThat(w.error().field()).isEqualTo(FormField.PARAMS);
        assertThat(w.error().message()).doesNotContain("\n");
    }

    @Test
    void a_parser_field_names_the_form_field_it_belongs_to() {
        assertThat(FormField.named("params.theta")).containsExactly(FormField.PARAMS);
        assertThat(FormField.named("gradients[2]")).containsExactly(FormField.GRADIENTS);
        assertThat(FormField.named("loss")).containsExactly(FormField.LOSS);
        assertThat(FormField.named("title")).containsExactly(FormField.TITLE_EN);
        assertThat(FormField.named("model.layers[1]")).containsExactly(FormField.LAYERS);
        assertThat(FormField.named("optimizer.beta1")).containsExactly(FormField.OPTIMIZER);
        assertThat(FormField.named("strategies[0]")).containsExactly(FormField.STRATEGIES);
    }

    @Test
    void every_form_field_has_a_label_in_both_languages() throws IOException {
        for (String file : new String[] {"translations.properties", "translations_zh_TW.properties"}) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/" + file)) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (FormField f : FormField.values()) {
                assertThat(texts).as(file).containsKey(ScenarioForm.labelKey(f));
                if (f.shape() == FormField.Shape.BLOCK
                        || f == FormField.STRATEGIES
                        || f == FormField.LAYERS
                        || f == FormField.LOSS) {
                    assertThat(texts).as(file).containsKey(ScenarioForm.helpKey(f));
                }
            }
            for (dev.gradlab.authoring.Sharing s : dev.gradlab.authoring.Sharing.values()) {
                assertThat(texts).as(file).containsKey(ShareBox.visibilityKey(s));
            }
        }
    }

    @Test
    void the_qr_code_is_an_svg_named_for_screen_readers_with_its_text_escaped() {
        String svg = QrSvg.of("http://localhost/s/abcdefghij", "QR code of <x>");
        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("aria-label=\"QR code of &lt;x&gt;\"");
        // 29 bytes: more than version 2 holds at level M (26 bytes), so version 3, 29 modules wide; with the
        // 4-module quiet zone on each side the picture is 37 wide
        assertThat(svg).contains("viewBox=\"0 0 37 37\"");
    }
}
