package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optional {@code questions:} list: its form, and every kind of mistake named by file, line and field. */
class ScenarioQuestionsTest {

    /** Eight lines; the questions' first item starts on line 9. */
    private static final String HEAD = """
            id: q
            title: Q
            kind: manual
            learningRate: 1
            strategies: [zeroed, summed, averaged]
            params: {theta: 10, v: [1, 2]}
            gradients: [{theta: 2, v: [1, 1]}, {theta: 1, v: [0, 1]}, {theta: -1, v: [1, 0]}]
            questions:
            """;

    private static Scenario parse(String questions) throws ScenarioException {
        return ScenarioParser.parse(HEAD + questions, "q.yaml");
    }

    private static String error(String questions) {
        try {
            parse(questions);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for\n" + questions);
    }

    @Test
    void a_file_with_a_question_of_each_kind_reads_them_in_order_with_both_languages() throws Exception {
        Scenario s = parse("""
                  - id: theta-after-2
                    kind: number
                    step: 2
                    strategy: summed
                    param: theta
                    prompt: {en: "θ after step 2?", zh-TW: "第 2 步之後的 θ？"}
                  - id: v-grad
                    kind: number
                    step: 3
                    strategy: averaged
                    param: v.grad
                    index: 1
                    prompt: "v.grad[1]?"
                  - id: which
                    kind: choice
                    prompt: {en: "Which?", zh-TW: "哪一個？"}
                    options: [{en: "yes", zh-TW: "是"}, {en: "no", zh-TW: "否"}]
                    answer: 1
                  - id: poll
                    kind: choice
                    prompt: "Did you expect it?"
                    options: ["yes", "no", "not sure"]
                  - id: bug
                    kind: bug
                    prompt: {en: "Which line?", zh-TW: "哪一行？"}
                    code: ["loss.backward()", "optimizer.step()"]
                    answer: 0
                """);
        var qs = s.common().questions();
        assertThat(qs)
                .extracting(ScenarioQuestion::id)
                .containsExactly("theta-after-2", "v-grad", "which", "poll", "bug");
        ScenarioQuestion number = qs.get(0);
        assertThat(number.kind()).isEqualTo(ScenarioQuestion.Kind.NUMBER);
        assertThat(number.step()).isEqualTo(2);
        assertThat(number.strategy()).isEqualTo(GradientStrategy.SUMMED);
        assertThat(number.param()).isEqualTo("theta");
        assertThat(number.index()).isZero(); // the default
        assertThat(number.answer()).isNull();
        assertThat(number.prompt().in(Locale.TAIWAN)).isEqualTo("第 2 步之後的 θ？");
        assertThat(number.prompt().in(Locale.ENGLISH)).isEqualTo("θ after step 2?");
        assertThat(qs.get(1).param()).isEqualTo("v.grad");
        assertThat(qs.get(1).index()).isEqualTo(1);
        assertThat(qs.get(1).strategy()).isEqualTo(GradientStrategy.AVERAGED);
        ScenarioQuestion choice = qs.get(2);
        assertThat(choice.kind()).isEqualTo(ScenarioQuestion.Kind.CHOICE);
        assertThat(choice.options()).extracting(o -> o.in(Locale.TAIWAN)).containsExactly("是", "否");
        assertThat(choice.answer()).isEqualTo(1);
        assertThat(qs.get(3).answer()).isNull(); // a poll
        ScenarioQuestion bug = qs.get(4);
        assertThat(bug.kind()).isEqualTo(ScenarioQuestion.Kind.BUG);
        assertThat(bug.options())
                .extracting(o -> o.in(Locale.TAIWAN))
                .containsExactly("loss.backward()", "optimizer.step()");
        assertThat(bug.answer()).isZero();
    }

    @Test
    void without_the_field_a_scenario_has_no_questions_and_copies_keep_them() throws Exception {
        Scenario none = ScenarioParser.parse(HEAD.replace("questions:\n", ""), "q.yaml");
        assertThat(none.common().questions()).isEmpty();
        Scenario one = parse("""
                  - {id: a, kind: choice, prompt: P, options: [x, y]}
                """);
        assertThat(one.withEpochs(2).common().questions()).hasSize(1);
        assertThat(one.withStrategies(java.util.List.of(GradientStrategy.ZEROED))
                        .common()
                        .questions())
                .hasSize(1);
    }

    @Test
    void gd_by_hand_ships_questions_in_english_and_traditional_chinese() {
        Scenario gd = BuiltInScenarios.find("gd-by-hand").orElseThrow();
        assertThat(gd.common().questions()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.prompt().byLanguage()).containsKeys("en", "zh-TW");
            q.options().forEach(o -> assertThat(o.byLanguage()).containsKeys("en", "zh-TW"));
        });
        assertThat(gd.common().questions())
                .extracting(ScenarioQuestion::kind)
                .contains(ScenarioQuestion.Kind.NUMBER, ScenarioQuestion.Kind.CHOICE);
    }

    @Test
    void questions_that_are_not_a_list_or_an_empty_list_are_refused() {
        assertThat(error("  {id: a}\n"))
                .startsWith("q.yaml: line 8, questions: questions must be a non-empty list of questions");
        assertThat(error("  []\n")).startsWith("q.yaml: line 8, questions: questions must be a non-empty list");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                  | question (one flow mapping, on line 9)                                                          | message after "q.yaml: line 9, "
            not a mapping           | "a question"                                                                                     | questions[0]: a question is a mapping with id, kind and its fields, found the text "a question"
            no kind                 | {id: a, prompt: P}                                                                                | questions[0]: a question needs the field 'kind'
            unknown kind            | {id: a, kind: numbr, prompt: P}                                                                   | questions[0].kind: unknown question kind 'numbr' (did you mean 'number'? kinds: number, choice, bug)
            misspelt field          | {id: a, kind: number, prompt: P, stpe: 2, strategy: summed, param: theta}                         | questions[0].stpe: unknown field 'stpe' (did you mean 'step'? fields of a number question: id, kind, prompt, step, strategy, param, index)
            another kind's field    | {id: a, kind: number, prompt: P, step: 2, strategy: summed, param: theta, options: [x, y]}        | questions[0].options: the field 'options' is for choice questions; fields of a number question: id, kind, prompt, step, strategy, param, index
            an answer to a number   | {id: a, kind: number, prompt: P, step: 2, strategy: summed, param: theta, answer: 5}              | questions[0].answer: the field 'answer' is for choice and bug questions (the engine computes a number question's answer); fields of a number question: id, kind, prompt, step, strategy, param, index
            no id                   | {kind: choice, prompt: P, options: [x, y]}                                                        | questions[0]: a choice question needs the field 'id'
            bad id                  | {id: A_1, kind: choice, prompt: P, options: [x, y]}                                               | questions[0].id: question id 'A_1' must be 1 to 64 characters from a-z, 0-9 and '-'
            no prompt               | {id: a, kind: number, step: 2, strategy: summed, param: theta}                                    | questions[0]: a number question needs the field 'prompt'
            empty prompt            | {id: a, kind: choice, prompt: " ", options: [x, y]}                                               | questions[0].prompt: the prompt is empty
            bad language            | {id: a, kind: choice, prompt: {english: P}, options: [x, y]}                                      | questions[0].prompt.english: 'english' is not a language tag like en or zh-TW
            no step                 | {id: a, kind: number, prompt: P, strategy: summed, param: theta}                                  | questions[0]: a number question needs the field 'step'
            step 0                  | {id: a, kind: number, prompt: P, step: 0, strategy: summed, param: theta}                         | questions[0].step: expected a whole number >= 1, found 0
            step past the batches   | {id: a, kind: number, prompt: P, step: 4, strategy: summed, param: theta}                         | questions[0].step: step must be between 1 and 3 (the scenario's batches), found 4
            strategy not listed     | {id: a, kind: number, prompt: P, step: 2, strategy: sumed, param: theta}                          | questions[0].strategy: 'sumed' is not one of this scenario's strategies (did you mean 'summed'? strategies: zeroed, summed, averaged)
            unknown parameter       | {id: a, kind: number, prompt: P, step: 2, strategy: summed, param: thet.grad}                     | questions[0].param: no parameter 'thet' (did you mean 'theta.grad'? parameters: theta, v; add .grad for the gradient)
            not a name              | {id: a, kind: number, prompt: P, step: 2, strategy: summed, param: "v[1]"}                        | questions[0].param: param is a parameter's name, or name.grad for its gradient, found 'v[1]'
            index past the end      | {id: a, kind: number, prompt: P, step: 2, strategy: summed, param: v, index: 2}                   | questions[0].index: index must be between 0 and 1 for v (2 numbers, row by row), found 2
            one option              | {id: a, kind: choice, prompt: P, options: [x]}                                                    | questions[0].options: options must be a list of 2 to 10 options, found 1 option
            options not a list      | {id: a, kind: choice, prompt: P, options: x}                                                      | questions[0].options: options must be a list of 2 to 10 options, found the text "x"
            two equal options       | {id: a, kind: choice, prompt: P, options: [x, x]}                                                 | questions[0].options[1]: the option 'x' is listed twice
            answer past the options | {id: a, kind: choice, prompt: P, options: [x, y], answer: 2}                                      | questions[0].answer: answer is the 0-based index of the correct option: 0 to 1, found 2
            bug without answer      | {id: a, kind: bug, prompt: P, code: ["a()", "b()"]}                                               | questions[0]: a bug question needs the field 'answer'
            bug without code        | {id: a, kind: bug, prompt: P, answer: 0}                                                          | questions[0]: a bug question needs the field 'code'
            bug answer past code    | {id: a, kind: bug, prompt: P, code: ["a()", "b()"], answer: 5}                                    | questions[0].answer: answer is the 0-based index of the correct line: 0 to 1, found 5
            """)
    void each_mistake_in_a_question_is_named_by_line_and_field(String name, String question, String message) {
        assertThat(error("  - " + question + "\n")).isEqualTo("q.yaml: line 9, " + message);
    }

    @Test
    void the_line_is_the_line_of_the_field_in_a_block_question() {
        assertThat(error("""
                  - id: ok
                    kind: choice
                    prompt: P
                    options: [x, y]
                  - id: second
                    kind: number
                    prompt: P
                    step: 2
                    strategy: summed
                    param: theta
                    index: 1
                """))
                .isEqualTo("q.yaml: line 19, questions[1].index: index must be between 0 and 0 for theta (1 number),"
                        + " found 1");
    }

    @Test
    void an_id_used_twice_names_the_first_use() {
        assertThat(error("""
                  - {id: a, kind: choice, prompt: P, options: [x, y]}
                  - {id: a, kind: choice, prompt: Q, options: [x, y]}
                """))
                .isEqualTo(
                        "q.yaml: line 10, questions[1].id: the question id 'a' is used twice (first by questions[0])");
    }

    @Test
    void texts_are_limited_in_length_and_options_to_one_line() {
        String longPrompt = "p".repeat(QuestionReader.MAX_PROMPT + 1);
        assertThat(error("  - {id: a, kind: choice, prompt: {en: ok, zh-TW: " + longPrompt + "}, options: [x, y]}\n"))
                .isEqualTo("q.yaml: line 9, questions[0].prompt.zh-TW: the prompt has 1001 characters, at most 1000"
                        + " are allowed");
        String longOption = "o".repeat(QuestionReader.MAX_OPTION + 1);
        assertThat(error("  - {id: a, kind: choice, prompt: P, options: [x, " + longOption + "]}\n"))
                .isEqualTo("q.yaml: line 9, questions[0].options[1]: the option has 201 characters, at most 200 are"
                        + " allowed");
        assertThat(error("  - {id: a, kind: bug, prompt: P, code: [\"a()\", \"b()\\nc()\"], answer: 0}\n"))
                .isEqualTo("q.yaml: line 9, questions[0].code[1]: a line of code holds no line break");
        StringBuilder code = new StringBuilder("[");
        for (int i = 0; i <= QuestionReader.MAX_CODE_LINES; i++) {
            code.append(i == 0 ? "" : ", ").append("'f").append(i).append("()'");
        }
        assertThat(error("  - {id: a, kind: bug, prompt: P, code: " + code + "], answer: 0}\n"))
                .isEqualTo("q.yaml: line 9, questions[0].code: code must be a list of 2 to 30 lines, found 31 lines");
    }

    @Test
    void at_most_fifty_questions() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= QuestionReader.MAX_QUESTIONS; i++) {
            many.append("  - {id: q").append(i).append(", kind: choice, prompt: P, options: [x, y]}\n");
        }
        // the 51st question is on line 9 + 50
        assertThat(error(many.toString()))
                .isEqualTo("q.yaml: line 59, questions[50]: too many questions: 51, at most 50 are allowed");
    }

    @Test
    void a_model_scenario_takes_choice_questions_but_no_number_question() throws Exception {
        String model = """
                id: m
                title: M
                kind: model
                dataset: {name: xor, samples: 40}
                model: {layers: [2, 4, 2], activation: tanh}
                learningRate: 0.1
                questions:
                  - {id: c, kind: choice, prompt: P, options: [x, y], answer: 0}
                """;
        assertThat(ScenarioParser.parse(model, "m.yaml").common().questions()).hasSize(1);
        assertThatThrownBy(() -> ScenarioParser.parse(
                        model + "  - {id: n, kind: number, prompt: P, step: 1, strategy: zeroed, param: w}\n",
                        "m.yaml"))
                .hasMessage("m.yaml: line 9, questions[1].kind: number questions are for manual and expression"
                        + " scenarios (live classes do not train models); choice and bug questions fit every kind");
    }

    @Test
    void a_misspelt_top_level_field_suggests_questions() {
        assertThat(error("  - {id: a, kind: choice, prompt: P, options: [x, y]}\nquestons: []\n"))
                .startsWith("q.yaml: line 10, questons: unknown field 'questons' (did you mean 'questions'?");
    }
}
