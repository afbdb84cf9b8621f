package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelScenarioParserTest {

    private static final String HEAD = "id: m\ntitle: M\nkind: model\nlearningRate: 0.03\n";
    private static final String ISSUE_EXAMPLE = HEAD
            + "dataset: {name: spiral, samples: 400, noise: 0.1, testFraction: 0.25}\n"
            + "model: {layers: [2, 16, 16, 2], activation: tanh, dropout: 0.0}\n"
            + "seed: 42\nbatchSize: 32\nepochs: 20\n"
            + "optimizer: {type: sgd, momentum: 0.9}\n"
            + "strategies: [zeroed, summed, averaged, {accumulate: 4}]\n";

    @Test
    void the_issue_example_parses_into_a_model_spec() throws Exception {
        Scenario s = ScenarioParser.parse(ISSUE_EXAMPLE, "m.yaml");
        assertThat(s.kind()).isEqualTo(Scenario.Kind.MODEL);
        assertThat(s).isInstanceOf(ModelScenario.class);
        var m = (ModelScenario) s;
        assertThat(m.dataset()).isEqualTo("spiral");
        assertThat(m.samples()).isEqualTo(400);
        assertThat(m.noise()).isEqualTo(0.1);
        assertThat(m.testFraction()).isEqualTo(0.25);
        assertThat(m.folder()).isNull();
        assertThat(m.layers()).containsExactly(2, 16, 16, 2);
        assertThat(m.activation()).isEqualTo("tanh");
        assertThat(m.dropout()).isZero();
        assertThat(m.seed()).isEqualTo(42);
        assertThat(m.batchSize()).isEqualTo(32);
        assertThat(m.epochs()).isEqualTo(20);
        assertThat(m.learningRate()).isEqualTo(0.03);
        assertThat(m.optimizer().momentum()).isEqualTo(0.9);
        assertThat(m.strategies())
                .extracting(GradientStrategy::name)
                .containsExactly("zeroed", "summed", "averaged", "accumulate-4");
        assertThat(s.strategies()).isEqualTo(m.strategies());
        assertThat(s.epochs()).isEqualTo(20);
        // 400 samples, 100 held out: 300 training examples in batches of 32 → 10 per epoch
        assertThat(s.batchesPerEpoch()).isEqualTo(10);
        // a model scenario has no hand-written params: its weights come from the seed
        assertThat(s.match(ManualScenario::params, ExpressionScenario::params, x -> Map.of()))
                .isEmpty();
    }

    @Test
    void defaults_are_relu_no_dropout_seed_0_batches_of_32_and_a_quarter_for_testing() throws Exception {
        Scenario s = ScenarioParser.parse(HEAD + "dataset: {name: xor}\nmodel: {layers: [2, 4, 2]}\n", "m.yaml");
        var m = (ModelScenario) s;
        assertThat(m.activation()).isEqualTo("relu");
        assertThat(m.dropout()).isZero();
        assertThat(m.seed()).isZero();
        assertThat(m.batchSize()).isEqualTo(32);
        assertThat(m.samples()).isEqualTo(400);
        assertThat(m.testFraction()).isEqualTo(0.25);
        assertThat(m.epochs()).isEqualTo(1);
    }

    static Stream<Arguments> errors() {
        String spiral = "dataset: {name: spiral}\n";
        return Stream.of(
                Arguments.of(
                        HEAD + spiral + "model: {layers: [3, 8, 2]}\n",
                        "m.yaml: line 6, model.layers[0]: the first layer size must be the data set's features: spiral has 2 per example, but layers [3, 8, 2] starts with 3"),
                Arguments.of(
                        HEAD + "dataset: {name: fashion-mnist}\nmodel: {layers: [784, 32, 2]}\n",
                        "m.yaml: line 6, model.layers[2]: the last layer size must be the data set's classes: fashion-mnist has 10, but layers [784, 32, 2] ends with 2"),
                Arguments.of(
                        HEAD + "dataset: {name: spirals}\nmodel: {layers: [2, 2]}\n",
                        "m.yaml: line 5, dataset.name: unknown data set 'spirals' (data sets: spiral, xor, circle, gaussian, fashion-mnist, mnist)"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2]}\n",
                        "model.layers: layers must be a list of at least two sizes"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 0, 2]}\n",
                        "model.layers[1]: expected a whole number >= 1, found 0"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 8, 2], activation: softplus}\n",
                        "model.activation: unknown activation 'softplus' (activations: relu, tanh, sigmoid)"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 8, 2], dropout: 1.0}\n",
                        "model.dropout: dropout must be in [0, 1), found 1.0"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 8, 2], dropuot: 0.1}\n",
                        "model.dropuot: unknown field 'dropuot' in model (did you mean 'dropout'? fields: layers, activation, dropout)"),
                Arguments.of(
                        HEAD + "dataset: {name: spiral, testFraction: 1.5}\nmodel: {layers: [2, 2]}\n",
                        "dataset.testFraction: testFraction must be strictly between 0 and 1, found 1.5"),
                Arguments.of(
                        HEAD + "dataset: {name: spiral, samples: 1000000}\nmodel: {layers: [2, 2]}\n",
                        "dataset.samples: at most 100,000 samples are allowed, found 1000000"),
                Arguments.of(
                        HEAD + "dataset: {name: fashion-mnist, samples: 100}\nmodel: {layers: [784, 10]}\n",
                        "dataset.samples: samples is for the generated data sets; fashion-mnist is read from image files"),
                Arguments.of(
                        HEAD + "dataset: {name: xor, folder: /data}\nmodel: {layers: [2, 2]}\n",
                        "dataset.folder: folder is for the image data sets (fashion-mnist, mnist); xor is generated from the seed"),
                Arguments.of(
                        HEAD + "dataset: {name: mnist}\nmodel: {layers: [784, 10]}\n",
                        "dataset: mnist is not bundled: give dataset.folder"),
                Arguments.of(
                        HEAD + "model: {layers: [2, 2]}\n",
                        "m.yaml: dataset: the field 'dataset' is required for kind: model, e.g. dataset: {name: spiral"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 2]}\nparams: {w: 1}\n",
                        "params: the field 'params' belongs to kind: "),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 2]}\nloss: \"w\"\n",
                        "loss: the field 'loss' belongs to kind: expression, but this scenario is kind: model"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 2]}\nbatchSize: 1\nepochs: 40\n",
                        "epochs: too many batches: 300 per epoch (300 training examples in batches of 1) x 40 epochs = 12000 per run, at most 10,000 are allowed"),
                Arguments.of(
                        HEAD + "dataset: {name: fashion-mnist}\nmodel: {layers: [784, 4096, 4096, 10]}\n",
                        "model.layers: the model [784, 4096, 4096, 10] has 20037642 weights and biases, at most 1,000,000 are allowed"),
                Arguments.of(
                        HEAD + spiral + "model: {layers: [2, 2]}\nseed: 1.5\n",
                        "seed: seed must be a whole number, found 1.5"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void bad_model_scenarios_are_refused_with_a_clear_message(String yaml, String expected) {
        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "m.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void the_built_in_model_scenarios_parse() {
        List<String> ids = List.of("spiral-mlp", "xor-mlp", "circle-mlp", "gaussian-mlp", "fashion-mnist-mlp");
        for (String id : ids) {
            Scenario s = BuiltInScenarios.find(id).orElseThrow();
            assertThat(s.kind()).isEqualTo(Scenario.Kind.MODEL);
            assertThat(s.title().in(java.util.Locale.ENGLISH)).isNotBlank();
            assertThat(s.title().in(java.util.Locale.TRADITIONAL_CHINESE))
                    .isNotEqualTo(s.title().in(java.util.Locale.ENGLISH));
            assertThat(s.description()).isNotNull();
        }
    }
}
