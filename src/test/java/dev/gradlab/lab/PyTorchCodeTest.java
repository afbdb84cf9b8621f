package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gradlab.lab.PyTorchCode.Line;
import dev.gradlab.lab.PyTorchCode.Named;
import dev.gradlab.lab.PyTorchCode.Phase;
import dev.gradlab.lab.PyTorchCode.Spec;
import dev.gradlab.scenario.GradientStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyTorchCodeTest {

    static final Spec GD_BY_HAND = new Spec(
            true,
            1.0,
            PyTorchCode.Optim.sgd(),
            List.of(new Named("theta", new double[] {10}, new int[0])),
            null,
            List.of(),
            0,
            1,
            0,
            List.of(grad(2), grad(1), grad(-1)));

    static final Spec X_SQUARED = new Spec(
            false,
            0.0,
            PyTorchCode.Optim.sgd(),
            List.of(new Named("x", new double[] {1, 2, 3}, new int[] {3})),
            "sum(x^2)",
            List.of(),
            0,
            1,
            5,
            List.of());

    /** w·x + b fitted to y = 2x, two batches of two rows, two epochs. */
    static final Spec REGRESSION = new Spec(
            false,
            0.05,
            PyTorchCode.Optim.sgd(),
            List.of(new Named("w", new double[] {0.5}, new int[0]), new Named("b", new double[] {0}, new int[0])),
            "mean((w*x + b - y)^2)",
            List.of(
                    new Named("x", new double[] {1, 2, 3, 4}, new int[] {4}),
                    new Named("y", new double[] {2, 4, 6, 8}, new int[] {4})),
            2,
            2,
            0,
            List.of());

    private static Map<String, Named> grad(double g) {
        return Map.of("theta", new Named("theta", new double[] {g}, new int[0]));
    }

    private static List<String> texts(List<Line> lines, Phase phase) {
        return lines.stream()
                .filter(l -> l.phase() == phase)
                .map(l -> l.text().strip())
                .toList();
    }

    @Test
    void zeroed_calls_zero_grad_forward_backward_and_step_in_that_order() {
        var lines = PyTorchCode.of(X_SQUARED, GradientStrategy.parse("zeroed"));
        var tagged = lines.stream()
                .filter(l -> l.phase() != Phase.OTHER)
                .map(l -> l.text().strip())
                .toList();
        assertThat(tagged)
                .containsExactly(
                        "optimizer.zero_grad()", "loss = torch.sum(x**2)", "loss.backward()", "optimizer.step()");
        assertThat(PyTorchCode.text(lines))
                .contains(
                        "x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)",
                        "torch.optim.SGD(params, lr=lr)",
                        "batches = [{}] * 5");
    }

    @Test
    void summed_never_calls_zero_grad() {
        var lines = PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("summed"));
        assertThat(texts(lines, Phase.ZERO_GRAD)).isEmpty();
        assertThat(PyTorchCode.text(lines)).doesNotContain("zero_grad()\n").contains("{\"theta\": torch.tensor(-1.0)}");
        assertThat(texts(lines, Phase.STEP)).containsExactly("optimizer.step()");
    }

    @Test
    void averaged_divides_the_buffer_by_the_batch_count_in_a_manual_update_under_no_grad() {
        var lines = PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("averaged"));
        assertThat(texts(lines, Phase.STEP))
                .contains("p -= lr * p.grad / t")
                .anyMatch(s -> s.startsWith("with torch.no_grad():"));
        assertThat(texts(lines, Phase.ZERO_GRAD)).isEmpty();
    }

    @Test
    void accumulate_divides_the_loss_by_k_and_steps_then_zeroes_every_k_batches_and_at_the_epoch_end() {
        var lines = PyTorchCode.of(REGRESSION, GradientStrategy.parse("accumulate-2"));
        assertThat(texts(lines, Phase.BACKWARD)).containsExactly("(loss / 2).backward()");
        assertThat(texts(lines, Phase.STEP)).containsExactly("if i % 2 == 0 or i == len(batches):", "optimizer.step()");
        assertThat(texts(lines, Phase.ZERO_GRAD)).containsExactly("optimizer.zero_grad()");
        assertThat(texts(lines, Phase.FORWARD)).containsExactly("loss = torch.mean((w*x + b - y)**2)");
    }

    @Test
    void the_phases_of_a_batch_follow_the_strategy() {
        assertThat(PyTorchCode.phasesOf(GradientStrategy.parse("summed"), true))
                .containsExactly(Phase.FORWARD, Phase.BACKWARD, Phase.STEP);
        assertThat(PyTorchCode.phasesOf(GradientStrategy.parse("accumulate-3"), false))
                .containsExactly(Phase.FORWARD, Phase.BACKWARD);
        assertThat(PyTorchCode.phasesOf(GradientStrategy.parse("accumulate-3"), true))
                .endsWith(Phase.STEP, Phase.ZERO_GRAD);
    }

    @Test
    void loss_functions_become_their_torch_equivalents() {
        assertThat(LossExpression.toPython("cross_entropy(relu(X @ W1 + b1) @ W2 + b2, label)"))
                .isEqualTo("F.cross_entropy(torch.relu(X @ W1 + b1) @ W2 + b2, label.long())");
        assertThat(LossExpression.toPython("mean(softmax(z) ^ 2) + -x^2"))
                .isEqualTo("torch.mean(torch.softmax(z, dim=-1) ** 2) + -x**2");
    }

    @Test
    void an_unknown_strategy_is_refused_by_name() {
        assertThatThrownBy(() -> PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("halved")))
                .hasMessageContaining("'halved'");
    }

    @Test
    void chinese_code_has_chinese_comments_and_the_same_code_as_the_english() {
        for (Spec spec : List.of(GD_BY_HAND, X_SQUARED, REGRESSION)) {
            for (String strategy : List.of("zeroed", "summed", "averaged", "accumulate-2")) {
                var s = GradientStrategy.parse(strategy);
                List<Line> en = PyTorchCode.of(spec, s, Locale.ENGLISH);
                List<Line> zh = PyTorchCode.of(spec, s, Locale.forLanguageTag("zh-TW"));
                assertThat(PyTorchCode.of(spec, s)).as("English by default").isEqualTo(en);
                assertThat(zh).as(strategy).hasSameSizeAs(en);
                int comments = 0;
                for (int i = 0; i < en.size(); i++) {
                    assertThat(code(zh.get(i))).as(strategy + " line " + i).isEqualTo(code(en.get(i)));
                    assertThat(zh.get(i).phase()).isEqualTo(en.get(i).phase());
                    String english = comment(en.get(i));
                    String chinese = comment(zh.get(i));
                    assertThat(chinese == null).as("a comment on the same line").isEqualTo(english == null);
                    if (english != null) {
                        comments++;
                        assertThat(english).as("English comment").doesNotContainPattern("\\p{IsHan}");
                        assertThat(chinese).as("Chinese comment of: " + english).containsPattern("\\p{IsHan}");
                    }
                }
                assertThat(comments).as(strategy + " has comments").isPositive();
            }
        }
    }

    /** A line's code: the text before its {@code #} comment (the generated code has no # inside a string). */
    private static String code(Line line) {
        int hash = line.text().indexOf('#');
        return hash < 0 ? line.text() : line.text().substring(0, hash).stripTrailing();
    }

    private static String comment(Line line) {
        int hash = line.text().indexOf('#');
        return hash < 0 ? null : line.text().substring(hash + 1).strip();
    }

    // --- the generated code, run by real PyTorch (skipped without it) ---

    @TempDir
    Path dir;

    static boolean torchAvailable() {
        try {
            var p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs the code with /usr/bin/python3 and returns the last line it printed (the parameters as JSON). */
    String runPython(List<Line> code) throws Exception {
        Path file = dir.resolve("loop.py");
        Files.writeString(file, PyTorchCode.text(code));
        var p = new ProcessBuilder("/usr/bin/python3", file.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    @Test
    void pytorch_runs_the_hand_worked_example_to_the_hand_computed_thetas() throws Exception {
        assumeThat(torchAvailable()).as("PyTorch at /usr/bin/python3").isTrue();
        // zeroed: 10 − 2 − 1 + 1 = 8; summed: 10 − 2 − 3 − 2 = 3; averaged: 10 − 2 − 1.5 − 2/3;
        // accumulate-2 (loss / 2): 10 − 1.5 at batch 2, + 0.5 at the epoch's last batch = 9
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("zeroed"))))
                .isEqualTo("{\"theta\": [8.0]}");
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("summed"))))
                .isEqualTo("{\"theta\": [3.0]}");
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("averaged"))))
                .startsWith("{\"theta\": [5.83333333333");
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("accumulate-2"))))
                .isEqualTo("{\"theta\": [9.0]}");
    }

    @Test
    void the_chinese_code_runs_in_pytorch_to_the_same_hand_computed_thetas() throws Exception {
        assumeThat(torchAvailable()).as("PyTorch at /usr/bin/python3").isTrue();
        var zh = Locale.forLanguageTag("zh-TW");
        // as above: summed 10 − 2 − 3 − 2 = 3; accumulate-2: 10 − 1.5 + 0.5 = 9
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("summed"), zh)))
                .isEqualTo("{\"theta\": [3.0]}");
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("accumulate-2"), zh)))
                .isEqualTo("{\"theta\": [9.0]}");
        // averaged: 10 − 2 − 3/2 − 2/3 = 5.8333…
        assertThat(runPython(PyTorchCode.of(GD_BY_HAND, GradientStrategy.parse("averaged"), zh)))
                .startsWith("{\"theta\": [5.83333333333");
    }

    @Test
    void pytorch_runs_a_regression_with_data_batches_and_epochs() throws Exception {
        assumeThat(torchAvailable()).as("PyTorch at /usr/bin/python3").isTrue();
        // learning rate 0 would hide mistakes; instead check one zeroed epoch of two batches by hand:
        // batch 1 (x 1,2; y 2,4), w=.5 b=0: r = (-1.5, -3); dw = mean(2 r x) = (−3 − 12)/2 = −7.5; db = mean(2r) = −4.5
        // w = .5 + .05·7.5 = .875, b = .225
        var oneEpochOneBatch = new Spec(
                false,
                0.05,
                PyTorchCode.Optim.sgd(),
                REGRESSION.params(),
                REGRESSION.loss(),
                List.of(
                        new Named("x", new double[] {1, 2}, new int[] {2}),
                        new Named("y", new double[] {2, 4}, new int[] {2})),
                2,
                1,
                0,
                List.of());
        String out = runPython(PyTorchCode.of(oneEpochOneBatch, GradientStrategy.parse("zeroed")));
        assertThat(out).matches("\\{\"w\": \\[0\\.875\\d*\\], \"b\": \\[0\\.225\\d*\\]}");
    }
}
