package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.LabSettings;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabUrlTest {

    private static final List<GradientStrategy> KNOWN = GradientStrategy.parseAll("zeroed", "summed", "averaged");

    @Test
    void no_parameters_mean_every_strategy_at_step_one() {
        var parsed = LabUrl.parse(Map.of(), KNOWN, 3);
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.state()).isEqualTo(new LabUrl(KNOWN, 1));
    }

    @Test
    void strategies_keep_the_scenarios_order_whatever_order_the_link_has() {
        var parsed =
                LabUrl.parse(Map.of("strategies", List.of("summed, zeroed,summed"), "step", List.of("2")), KNOWN, 3);
        assertThat(parsed.state()).isEqualTo(new LabUrl(GradientStrategy.parseAll("zeroed", "summed"), 2));
    }

    @Test
    void a_state_round_trips_through_its_query() {
        var state = new LabUrl(GradientStrategy.parseAll("zeroed", "averaged"), 3);
        assertThat(LabUrl.parse(state.query(), KNOWN, 3).state()).isEqualTo(state);
    }

    @Test
    void no_strategy_ticked_survives_the_url_as_a_bare_parameter_and_is_not_read_as_all() {
        var none = new LabUrl(List.of(), 2);
        // through the URL as the browser has it: Flow writes an empty value as a bare "strategies"
        String url = new QueryParameters(none.query()).getQueryString();
        assertThat(url).isEqualTo("strategies&step=2");
        var back = QueryParameters.fromString(url).getParameters();
        assertThat(LabUrl.parse(back, KNOWN, 3).state()).isEqualTo(none);
        assertThat(LabUrl.parse(Map.of(), KNOWN, 3).state()).isEqualTo(new LabUrl(KNOWN, 1));
        // nothing shown, no code panel: the link names no strategy for it, which the reload would refuse
        assertThat(none.query("averaged")).doesNotContainKey("code");
        var again = QueryParameters.fromString(new QueryParameters(none.query("averaged")).getQueryString())
                .getParameters();
        assertThat(none.checkCode(LabUrl.code(again))).isNull();

        var noTraining = new LabUrl.Training(List.of(), null);
        var trainingBack = QueryParameters.fromString(new QueryParameters(noTraining.query()).getQueryString())
                .getParameters();
        assertThat(LabUrl.training(trainingBack, XOR, 20).training()).isEqualTo(noTraining);
        assertThat(LabUrl.training(Map.of(), XOR, 20).training()).isEqualTo(new LabUrl.Training(XOR, null));
    }

    @Test
    void a_step_out_of_range_names_the_step_and_the_range() {
        var problem = LabUrl.parse(Map.of("step", List.of("9")), KNOWN, 3).problem();
        assertThat(problem.key()).isEqualTo("lab.error.step");
        assertThat(problem.args()).containsExactly(9, 3);
        assertThat(LabUrl.parse(Map.of("step", List.of("0")), KNOWN, 3)
                        .problem()
                        .key())
                .isEqualTo("lab.error.step");
    }

    @Test
    void a_step_that_is_not_a_number_and_an_unknown_strategy_are_problems_too() {
        assertThat(LabUrl.parse(Map.of("step", List.of("two")), KNOWN, 3).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.number", List.of("two")));
        assertThat(LabUrl.parse(Map.of("strategies", List.of("halved")), KNOWN, 3)
                        .problem())
                .isEqualTo(new LabUrl.Problem("lab.error.strategy", List.of("halved", "zeroed, summed, averaged")));
    }

    @Test
    void a_step_beyond_int_range_is_a_step_out_of_range_with_the_range_named() {
        var problem =
                LabUrl.parse(Map.of("step", List.of("99999999999")), KNOWN, 3).problem();
        assertThat(problem.key()).isEqualTo("lab.error.step");
        assertThat(problem.args()).containsExactly("99999999999", 3);
        assertThat(LabUrl.parse(Map.of("step", List.of("-1")), KNOWN, 3)
                        .problem()
                        .key())
                .isEqualTo("lab.error.step");
    }

    @Test
    void a_10_kb_strategy_or_step_is_echoed_cut_to_40_characters() {
        String script = "<script>" + "x".repeat(10_000) + "</script>";
        var strategy =
                LabUrl.parse(Map.of("strategies", List.of(script)), KNOWN, 3).problem();
        assertThat(strategy.key()).isEqualTo("lab.error.strategy");
        assertThat(strategy.args().get(0)).isEqualTo("<script>" + "x".repeat(32) + "…");
        var step = LabUrl.parse(Map.of("step", List.of("y".repeat(10_000))), KNOWN, 3)
                .problem();
        assertThat(step.key()).isEqualTo("lab.error.number");
        assertThat(step.args().get(0)).isEqualTo("y".repeat(40) + "…");
    }

    @Test
    void the_code_panels_strategy_travels_as_code_after_strategies_and_step() {
        var state = new LabUrl(List.of(GradientStrategy.ZEROED, GradientStrategy.SUMMED), 2);
        var query = state.query("summed");
        assertThat(query.keySet()).containsExactly("strategies", "step", "code");
        assertThat(LabUrl.code(query)).isEqualTo("summed");
        assertThat(LabUrl.parse(query, KNOWN, 3).state()).isEqualTo(state);
        assertThat(state.checkCode("summed")).isNull();
    }

    @Test
    void a_link_without_code_leaves_the_choice_to_the_view_and_a_hidden_strategy_is_named_with_the_shown_ones() {
        assertThat(LabUrl.code(Map.of("step", List.of("2")))).isNull();
        assertThat(LabUrl.code(Map.of("code", List.of(" ")))).isNull();
        var problem = new LabUrl(List.of(GradientStrategy.ZEROED, GradientStrategy.SUMMED), 1).checkCode("averaged");
        assertThat(problem.key()).isEqualTo("lab.error.strategy");
        assertThat(problem.args()).containsExactly("averaged", "zeroed, summed");
    }

    private static Scenario builtIn(String id) {
        return BuiltInScenarios.find(id).orElseThrow();
    }

    @Test
    void the_scenarios_own_settings_write_no_parameter_and_a_link_without_them_reads_the_scenarios_own() {
        Scenario gd = builtIn("gd-by-hand");
        assertThat(LabUrl.settingsQuery(LabSettings.of(gd), gd)).isEmpty();
        assertThat(LabUrl.settings(Map.of("step", List.of("2")), gd).settings()).isEqualTo(LabSettings.of(gd));
    }

    @Test
    void changed_settings_round_trip_through_short_parameters_written_only_where_they_differ() {
        Scenario lr = builtIn("linear-regression-batches"); // η = 0.02, batches of 2, 3 epochs, SGD, accumulate-2
        LabSettings s = LabSettings.of(lr).withLearningRate(0.5).withEpochs(7).withAccumulation(3);
        Map<String, List<String>> query = LabUrl.settingsQuery(s, lr);
        assertThat(query)
                .containsExactly(
                        Map.entry("lr", List.of("0.5")),
                        Map.entry("epochs", List.of("7")),
                        Map.entry("k", List.of("3")));
        assertThat(LabUrl.settings(query, lr).settings()).isEqualTo(s);

        OptimizerSpec adam = new OptimizerSpec(OptimizerSpec.Type.ADAM, 0, 0, 0, false, 0.8, 0.999, 1e-8);
        LabSettings a = LabSettings.of(lr).withBatchSize(1).withOptimizer(adam);
        Map<String, List<String>> adamQuery = LabUrl.settingsQuery(a, lr);
        // beta2 and eps are PyTorch's defaults for a switch to Adam: not written
        assertThat(adamQuery)
                .containsExactly(
                        Map.entry("batch", List.of("1")),
                        Map.entry("optimizer", List.of("adam")),
                        Map.entry("beta1", List.of("0.8")));
        assertThat(LabUrl.settings(adamQuery, lr).settings()).isEqualTo(a);
    }

    @Test
    void the_existing_parameters_keep_their_names_and_order_in_front_of_the_settings() {
        var state = new LabUrl(List.of(GradientStrategy.ZEROED, GradientStrategy.SUMMED), 3);
        Scenario gd = builtIn("gd-by-hand");
        Map<String, List<String>> query = new java.util.LinkedHashMap<>(state.query("summed"));
        query.putAll(LabUrl.settingsQuery(LabSettings.of(gd).withLearningRate(0.25), gd));
        assertThat(query.keySet()).containsExactly("strategies", "step", "code", "lr");
        assertThat(query.get("strategies")).containsExactly("zeroed,summed");
        assertThat(LabUrl.parse(query, KNOWN, 3).state()).isEqualTo(state);
    }

    @Test
    void malformed_and_foreign_settings_in_a_link_are_problems_with_the_parameter_named() {
        Scenario gd = builtIn("gd-by-hand"); // manual, SGD, no accumulate-K
        assertThat(LabUrl.settings(Map.of("lr", List.of("fast")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.number", List.of("lr", "fast")));
        assertThat(LabUrl.settings(Map.of("epochs", List.of("2.5")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.number", List.of("epochs", "2.5")));
        assertThat(LabUrl.settings(Map.of("batch", List.of("2")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.unknown", List.of("batch")));
        assertThat(LabUrl.settings(Map.of("k", List.of("2")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.unknown", List.of("k")));
        assertThat(LabUrl.settings(Map.of("beta1", List.of("0.5")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.unknown", List.of("beta1")));
        assertThat(LabUrl.settings(Map.of("optimizer", List.of("rmsprop")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.optimizer", List.of("rmsprop")));
        assertThat(LabUrl.settings(Map.of("nesterov", List.of("yes")), gd).problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.boolean", List.of("nesterov", "yes")));
        assertThat(LabUrl.settings(Map.of("lr", List.of("x".repeat(5000))), gd)
                        .problem()
                        .args()
                        .get(1)
                        .toString())
                .hasSizeLessThanOrEqualTo(41);
    }

    @Test
    void a_well_formed_value_beyond_the_limits_is_left_to_the_services_check() {
        Scenario gd = builtIn("gd-by-hand");
        var parsed = LabUrl.settings(Map.of("epochs", List.of("99999999999"), "lr", List.of("-1")), gd);
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.settings().epochs()).isEqualTo(Integer.MAX_VALUE);
        var problem = new LabService().check(gd, parsed.settings(), null);
        assertThat(problem.field()).isEqualTo(LabSettings.Field.LEARNING_RATE);
        assertThat(LabUrl.parameter(problem.field())).isEqualTo("lr");
    }

    @Test
    void predict_first_travels_as_predict_1_and_makes_step_0_the_start() {
        var query = LabUrl.predict(new LabUrl(KNOWN, 0).query("zeroed"), true);
        assertThat(query.get("predict")).containsExactly("1");
        assertThat(LabUrl.predict(query)).isTrue();
        assertThat(LabUrl.parse(query, KNOWN, 3).state()).isEqualTo(new LabUrl(KNOWN, 0));
        // without a step a predict-first link opens at the start, before the first batch
        assertThat(LabUrl.parse(Map.of("predict", List.of("1")), KNOWN, 3).state())
                .isEqualTo(new LabUrl(KNOWN, 0));
        assertThat(LabUrl.parse(Map.of("predict", List.of("1"), "step", List.of("-1")), KNOWN, 3)
                        .problem()
                        .key())
                .isEqualTo("lab.error.step");
    }

    @Test
    void without_predict_1_the_mode_is_off_and_step_0_is_no_step() {
        assertThat(LabUrl.predict(new LabUrl(KNOWN, 1).query("zeroed"), false)).doesNotContainKey("predict");
        assertThat(LabUrl.predict(Map.of("predict", List.of("0")))).isFalse();
        assertThat(LabUrl.parse(Map.of("predict", List.of("0"), "step", List.of("0")), KNOWN, 3)
                        .problem()
                        .key())
                .isEqualTo("lab.error.step");
    }

    // xor-mlp's file: strategies [zeroed, summed, averaged, {accumulate: 4}], epochs: 20
    private static final List<GradientStrategy> XOR = GradientStrategy.parseAll("zeroed", "summed", "averaged");

    @Test
    void a_model_pages_training_choices_round_trip_through_strategies_and_train_epochs() {
        List<GradientStrategy> known = new java.util.ArrayList<>(XOR);
        known.add(GradientStrategy.parse("accumulate-4"));
        var chosen = new LabUrl.Training(GradientStrategy.parseAll("zeroed", "accumulate-4"), 5);
        Map<String, List<String>> query = chosen.query();
        assertThat(query)
                .containsExactly(
                        Map.entry("strategies", List.of("zeroed,accumulate-4")),
                        Map.entry("train-epochs", List.of("5")));
        assertThat(LabUrl.training(query, known, 20).training()).isEqualTo(chosen);
    }

    @Test
    void a_model_link_without_choices_trains_every_strategy_for_every_epoch_and_all_epochs_are_not_written() {
        var all = LabUrl.training(Map.of(), XOR, 20).training();
        assertThat(all).isEqualTo(new LabUrl.Training(XOR, null));
        assertThat(all.query()).containsOnlyKeys("strategies");
        // 20 of 20 epochs is every epoch: the same link as none, so a later longer setting is followed
        assertThat(LabUrl.training(Map.of("train-epochs", List.of("20")), XOR, 20)
                        .training())
                .isEqualTo(all);
        assertThat(new LabUrl.Training(XOR, null).withEpochs(20, 20).epochs()).isNull();
        assertThat(new LabUrl.Training(XOR, null).withEpochs(19, 20).epochs()).isEqualTo(19);
    }

    @Test
    void a_model_links_epochs_beyond_the_scenario_or_not_a_count_and_unknown_strategies_are_problems() {
        assertThat(LabUrl.training(Map.of("train-epochs", List.of("21")), XOR, 20)
                        .problem())
                .isEqualTo(new LabUrl.Problem("lab.error.train-epochs", List.of("21", 20)));
        assertThat(LabUrl.training(Map.of("train-epochs", List.of("0")), XOR, 20)
                        .problem())
                .isEqualTo(new LabUrl.Problem("lab.error.train-epochs", List.of("0", 20)));
        assertThat(LabUrl.training(Map.of("train-epochs", List.of("five")), XOR, 20)
                        .problem())
                .isEqualTo(new LabUrl.Problem("lab.error.setting.number", List.of("train-epochs", "five")));
        assertThat(LabUrl.training(Map.of("strategies", List.of("halved")), XOR, 20)
                        .problem())
                .isEqualTo(new LabUrl.Problem("lab.error.strategy", List.of("halved", "zeroed, summed, averaged")));
        // the same link's other parameters belong to others: the settings' epochs bounds these, step is ignored
        assertThat(LabUrl.training(Map.of("epochs", List.of("3"), "step", List.of("9")), XOR, 20)
                        .problem())
                .isNull();
    }
}
