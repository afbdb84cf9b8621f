package dev.gradlab.lab.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in model scenarios' descriptions promise only what is delivered (issue 12, defect 8). The Lab's model page
 * shows loss, accuracy and, for 2-D data, decision boundaries per epoch; per-step values are the headless {@code run}
 * command's, which lists every value of a small model and one L2 norm per tensor of a large one
 * ({@link ModelTrainer#FULL_VALUES_LIMIT}). A clause of a description that names the Lab may promise per-step
 * gradients or norms only if the training panel's own texts speak of them.
 */
class ModelDescriptionsTest {

    private static final Pattern EVERY_GRADIENT = Pattern.compile("(?i)every gradient|每一個梯度");
    private static final Pattern NORM = Pattern.compile("(?i)L2 norm|L2 範數");
    private static final Pattern LAB = Pattern.compile("(?i)\\bLab\\b|實驗室");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)decision boundar|決策邊界");
    private static final Pattern CLAUSES = Pattern.compile("(?<=[.;])\\s+|[。；]");

    private static List<ModelScenario> models() {
        List<ModelScenario> models = new ArrayList<>();
        for (Scenario s : BuiltInScenarios.all()) {
            if (s instanceof ModelScenario m) {
                models.add(m);
            }
        }
        return models;
    }

    /** The training panel's texts (keys {@code training.*}) in both languages, joined. */
    private static String panelTexts() {
        StringBuilder all = new StringBuilder();
        for (String file : List.of("translations.properties", "translations_zh_TW.properties")) {
            Properties p = new Properties();
            try (InputStream in = ModelDescriptionsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
                p.load(new InputStreamReader(Objects.requireNonNull(in, file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("training."))
                    .forEach(k -> all.append(p.getProperty(k)).append('\n'));
        }
        return all.toString();
    }

    @Test
    void a_clause_that_names_the_lab_promises_no_per_step_gradients_or_norms_and_boundaries_only_for_2d_data() {
        String panel = panelTexts();
        assertThat(panel).contains("Decision boundaries"); // the texts are read: the test cannot pass on nothing
        boolean panelShowsGradients = EVERY_GRADIENT.matcher(panel).find();
        boolean panelShowsNorms = NORM.matcher(panel).find();
        List<ModelScenario> models = models();
        assertThat(models).extracting(Scenario::id).contains("xor-mlp", "fashion-mnist-mlp");
        int labClauses = 0;
        for (ModelScenario m : models) {
            assertThat(m.description()).as(m.id()).isNotNull();
            for (Map.Entry<String, String> text : m.description().byLanguage().entrySet()) {
                for (String clause : CLAUSES.split(text.getValue())) {
                    String where = m.id() + " (" + text.getKey() + "): " + clause;
                    if (!LAB.matcher(clause).find()) {
                        continue;
                    }
                    labClauses++;
                    if (!panelShowsGradients) {
                        assertThat(EVERY_GRADIENT.matcher(clause).find())
                                .as(where)
                                .isFalse();
                    }
                    if (!panelShowsNorms) {
                        assertThat(NORM.matcher(clause).find()).as(where).isFalse();
                    }
                    if (m.features() != 2) {
                        assertThat(BOUNDARY.matcher(clause).find()).as(where).isFalse();
                    }
                }
            }
        }
        assertThat(labClauses).as("clauses that say what the Lab shows").isGreaterThanOrEqualTo(4);
    }

    @Test
    void what_a_description_promises_of_the_run_command_is_what_it_prints_for_that_model() {
        for (ModelScenario m : models()) {
            boolean everyValue = m.parameterCount() <= ModelTrainer.FULL_VALUES_LIMIT;
            for (Map.Entry<String, String> text : m.description().byLanguage().entrySet()) {
                for (String clause : CLAUSES.split(text.getValue())) {
                    String where = m.id() + " (" + text.getKey() + "): " + clause;
                    boolean gradients = EVERY_GRADIENT.matcher(clause).find();
                    boolean norms = NORM.matcher(clause).find();
                    if (gradients || norms) {
                        assertThat(clause).as(where).contains("`run`");
                    }
                    if (gradients) {
                        assertThat(everyValue).as(where).isTrue();
                    }
                    if (norms) {
                        assertThat(everyValue).as(where).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void the_two_descriptions_that_talk_about_run_state_the_model_size_counted_by_hand() {
        // 2-8-2: 2·8 + 8 + 8·2 + 2 = 42 weights and biases, every value listed
        ModelScenario xor = (ModelScenario) BuiltInScenarios.find("xor-mlp").orElseThrow();
        assertThat(xor.parameterCount()).isEqualTo(42);
        assertThat(xor.description().byLanguage().values())
                .allSatisfy(d -> assertThat(d).contains("42"));
        // 784-64-10: 784·64 + 64 + 64·10 + 10 = 50,890, one norm per tensor
        ModelScenario fashion =
                (ModelScenario) BuiltInScenarios.find("fashion-mnist-mlp").orElseThrow();
        assertThat(fashion.parameterCount()).isEqualTo(50_890);
        assertThat(fashion.description().byLanguage().values())
                .allSatisfy(d -> assertThat(d).contains("50,890"));
        assertThat(42).isLessThanOrEqualTo(ModelTrainer.FULL_VALUES_LIMIT);
        assertThat(50_890).isGreaterThan(ModelTrainer.FULL_VALUES_LIMIT);
    }
}
