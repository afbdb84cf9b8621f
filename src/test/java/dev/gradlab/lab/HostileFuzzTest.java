package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.EvaluationException;
import dev.gradlab.scenario.Limits;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded fuzzing of the scenario format and the loss language: every input ends in a clean refusal (one line, at most
 * a few hundred characters) or a valid scenario that runs, never in another exception or a stack overflow.
 */
@Timeout(30)
class HostileFuzzTest {

    private static final long SEED = 20261202L;
    private static final String[] EXTREMES = {
        "2147483647",
        "-2147483648",
        "1e308",
        "1e999",
        "-1",
        "0",
        "0.5",
        ".nan",
        "99999999999999999999",
        "[]",
        "{}",
        "~",
        "\"\"",
        "&a [1]",
        "*a",
        "!!binary AA=="
    };
    private static final String SIGNIFICANT = ":-[]{},&*!|>'\"#\n\t 0123456789e.";
    private static final String[] TOKENS = {
        "w",
        "X",
        "y",
        "b",
        "sum(",
        "mean(",
        "max(",
        "exp(",
        "log(",
        "sqrt(",
        "abs(",
        "tanh(",
        "sigmoid(",
        "relu(",
        "softmax(",
        "log_softmax(",
        "transpose(",
        "mse(",
        "cross_entropy(",
        "(",
        ")",
        ")",
        ",",
        "+",
        "-",
        "*",
        "/",
        "@",
        "^",
        "1",
        "2",
        "0",
        "-1",
        "1e3",
        "0.5",
        "1e400",
        " "
    };

    private static final String EXPRESSION = """
            id: fuzz
            title: Fuzz
            kind: expression
            learningRate: 0.1
            params: {w: [[1, 2], [3, 4]], b: [0.5, -0.5]}
            data: {X: [[1, 2], [3, 4], [5, 6]], y: [0, 1, 1]}
            batchSize: 2
            epochs: 2
            loss: "%s"
            """;

    private final Random random = new Random(SEED);
    private int refused;
    private int ran;

    private void check(String text, String fileName) {
        Scenario s;
        try {
            s = ScenarioParser.parse(text, fileName);
        } catch (ScenarioException e) {
            clean(e.getMessage(), fileName);
            refused++;
            return;
        }
        assertThat(s.totalBatches()).isBetween(0L, Limits.MAX_BATCHES);
        if (s.kind() == Scenario.Kind.MODEL || s.totalBatches() > 100) {
            return; // bounded by the same checks; running hundreds of long runs would take minutes
        }
        try {
            RunResult result = new Runner().run(s);
            assertThat(result).isNotNull();
            ran++;
        } catch (EvaluationException | AutogradException e) {
            clean(e.getMessage(), "");
            refused++;
        }
    }

    private static void clean(String message, String fileName) {
        assertThat(message).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(message.length()).as(message).isLessThanOrEqualTo(fileName.length() + 80 + Limits.MAX_MESSAGE);
    }

    private String mutate(String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(20)));
                case 1 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(40))));
                case 2 -> s.insert(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
                case 3 -> {
                    int end = at;
                    while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                        end++;
                    }
                    s.replace(at, end, EXTREMES[random.nextInt(EXTREMES.length)]);
                }
                case 4 -> s.insert(at, "x".repeat(random.nextInt(5_000)));
                default -> {
                    String[] lines = s.toString().split("\n", -1);
                    int a = random.nextInt(lines.length);
                    int b = random.nextInt(lines.length);
                    String t = lines[a];
                    lines[a] = lines[b];
                    lines[b] = t;
                    s.setLength(0);
                    s.append(String.join("\n", lines));
                }
            }
        }
        return s.toString();
    }

    @Test
    void mutated_built_in_scenarios_are_refused_cleanly_or_run() {
        List<String> sources = new ArrayList<>();
        for (Scenario s : BuiltInScenarios.all()) {
            sources.add(s.source());
        }
        for (int i = 0; i < 200; i++) {
            check(mutate(sources.get(i % sources.size())), "fuzz-" + i + ".yaml");
        }
        assertThat(refused).isPositive();
        assertThat(ran).isPositive();
    }

    @Test
    void random_loss_expressions_are_refused_cleanly_or_run() {
        for (int i = 0; i < 500; i++) {
            StringBuilder loss = new StringBuilder();
            int n = 1 + random.nextInt(i % 100 == 0 ? 1_000 : 25);
            for (int t = 0; t < n; t++) {
                loss.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            check(EXPRESSION.formatted(loss), "loss-" + i + ".yaml");
        }
        // and a few that are valid by construction, so "ran" covers more than constants
        for (String loss : List.of(
                "sum((X @ w + b)^2)",
                "cross_entropy(X @ w, y)",
                "mean(relu(X @ w) * 2) + sum(b^2)",
                "mse(X @ w, X)",
                "sum(softmax(X @ w, -1)) + max(b)")) {
            check(EXPRESSION.formatted(loss), "valid.yaml");
        }
        assertThat(refused).isPositive();
        assertThat(ran).isGreaterThanOrEqualTo(5);
    }
}
