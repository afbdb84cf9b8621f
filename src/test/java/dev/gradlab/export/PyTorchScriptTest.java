package dev.gradlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported script as a student reads it, and as Python compiles it. */
class PyTorchScriptTest {

    static String export(Scenario s, Locale locale) {
        return PyTorchScript.of(s, locale);
    }

    @Test
    void every_built_ins_script_is_valid_python_in_both_languages(@TempDir Path dir) throws Exception {
        assumeThat(Python.present())
                .as("/usr/bin/python3 (absent: the compile check is skipped)")
                .isTrue();
        for (Scenario s : BuiltInScenarios.all()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-TW"))) {
                Path file = dir.resolve(s.id() + "-" + locale.toLanguageTag() + ".py");
                Files.writeString(file, export(s, locale), StandardCharsets.UTF_8);
                Python.Result r = Python.run(List.of(Python.PYTHON, "-m", "py_compile", file.toString()), 60);
                assertThat(r.status()).as(file + ": " + r.err()).isZero();
            }
        }
    }

    @Test
    void the_comments_are_in_the_chosen_language_and_carry_the_scenarios_title_and_description() {
        Scenario s = ExportFixtures.builtIn("gd-by-hand");
        String zh = PyTorchScript.of(s, Locale.forLanguageTag("zh-TW"));
        String en = PyTorchScript.of(s, Locale.ENGLISH);
        assertThat(zh)
                .contains("# 手算梯度下降", "# 更新規則是 θ(t+1) = θ(t) − η · g", "每個批次之前呼叫 zero_grad()")
                .doesNotContain("Gradient descent by hand");
        assertThat(en)
                .contains(
                        "# Gradient descent by hand",
                        "# The update rule is θ(t+1) = θ(t) − η · g",
                        "zero_grad() before every batch")
                .doesNotContain("手算梯度下降");
    }

    @Test
    void the_strategies_show_as_the_few_lines_that_test_the_strategy() {
        String py = PyTorchScript.of(ExportFixtures.builtIn("linear-regression-batches"), Locale.ENGLISH);
        assertThat(py)
                .contains(
                        "STRATEGIES = [\"zeroed\", \"summed\", \"averaged\", \"accumulate-2\"]",
                        "if strategy == \"zeroed\":",
                        "optimizer.zero_grad(set_to_none=True)",
                        "divisor = in_buffer if strategy == \"averaged\" else 1",
                        "(loss / k if k > 1 else loss).backward()",
                        "return torch.mean((w*x + b - y)**2)");
        assertThat(py.lines().filter(l -> l.startsWith("import ")).toList())
                .containsExactly(
                        "import json", "import math", "import sys", "import torch", "import torch.nn.functional as F");
    }

    @Test
    void a_model_script_embeds_the_data_the_initial_weights_and_the_batch_order() {
        String py = ModelScript.of(ExportFixtures.model("xor-mlp"), Locale.ENGLISH);
        assertThat(py)
                .contains(
                        "TRAIN_X = torch.tensor([",
                        "TEST_Y = torch.tensor(",
                        "ORDERS = [",
                        "INITIAL = {",
                        "\"0.weight\": [",
                        "torch.nn.Linear(2, 8),",
                        "torch.nn.Tanh(),",
                        "torch.optim.SGD(params, lr=LR, momentum=0.9",
                        "NORMS = False");
        String images = ModelScript.of(ExportFixtures.model("fashion-mnist-mlp"), Locale.ENGLISH);
        assertThat(images)
                .contains("NORMS = True", "read_idx(sys.argv[1], \"train-images-idx3-ubyte\")")
                .doesNotContain("TRAIN_X = torch.tensor([");
    }
}
