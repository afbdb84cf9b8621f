package dev.gradlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.LocalizedText;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BuiltInQuestionsTest {

    private static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

    @Test
    void there_are_at_least_six_in_both_languages_three_of_them_spot_the_bug() {
        List<BuiltInQuestion> all = BuiltInQuestions.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all).filteredOn(q -> q.kind() == QuestionKind.BUG).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).extracting(BuiltInQuestion::id).doesNotHaveDuplicates();
        for (BuiltInQuestion q : all) {
            assertThat(q.prompt().byLanguage()).as(q.id()).containsKeys("en", "zh-TW");
            assertThat(q.prompt().in(ZH_TW)).as(q.id()).isNotEqualTo(q.prompt().in(Locale.ENGLISH));
            if (q.kind() == QuestionKind.NUMBER) {
                assertThat(BuiltInScenarios.find(q.scenario())).as(q.id()).isPresent();
            } else {
                assertThat(q.answer()).as(q.id()).isBetween(0, q.options().size() - 1);
            }
        }
    }

    @Test
    void the_smallest_theta_after_step_3_is_summeds_as_the_engine_computes_it() {
        BuiltInQuestion q = BuiltInQuestions.find("gd-smallest-theta").orElseThrow();
        RunResult run = new Runner().run(BuiltInScenarios.find("gd-by-hand").orElseThrow());
        // by hand: zeroed 10 − 2 − 1 + 1 = 8; summed 10 − 2 − 3 − 2 = 3; averaged 10 − 2 − 1.5 − 2/3 ≈ 5.83
        List<Double> after3 = run.runs().stream()
                .map(r -> r.steps().get(2).params().get("theta")[0])
                .toList();
        assertThat(after3).hasSize(3);
        assertThat(after3.get(0)).isEqualTo(8.0);
        assertThat(after3.get(1)).isEqualTo(3.0);
        assertThat(after3.get(2)).isCloseTo(10 - 2 - 1.5 - 2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        StrategyRun smallest = run.runs().stream()
                .min(Comparator.comparingDouble(r -> r.steps().get(2).params().get("theta")[0]))
                .orElseThrow();
        assertThat(q.options().get(q.answer()).in(Locale.ENGLISH))
                .isEqualTo(smallest.strategy().name());
    }

    @Test
    void each_bug_answer_is_the_line_the_lesson_names() {
        assertThat(line("bug-misplaced-zero-grad")).isEqualTo("    optimizer.zero_grad()");
        assertThat(line("bug-missing-divide-by-k")).isEqualTo("    loss = loss_fn(model(x), y)");
        assertThat(line("bug-total-keeps-graph")).isEqualTo("    total += loss");
        assertThat(line("no-grad-requires-grad")).isEqualTo("No");
    }

    private static String line(String id) {
        BuiltInQuestion q = BuiltInQuestions.find(id).orElseThrow();
        LocalizedText answer = q.options().get(q.answer());
        return answer.in(Locale.ENGLISH);
    }
}
