package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final int[] W1 = {2, 3};

    @Test
    void element_labels_name_every_element_in_row_major_order_as_pytorch_indexes_it() {
        assertThat(Matrix.elementLabels("W1", W1))
                .containsExactly("W1[0,0]", "W1[0,1]", "W1[0,2]", "W1[1,0]", "W1[1,1]", "W1[1,2]");
        assertThat(Matrix.elementLabels("b1", new int[] {3})).containsExactly("b1[0]", "b1[1]", "b1[2]");
        assertThat(Matrix.elementLabels("w", new int[0])).containsExactly("w");
    }

    @Test
    void a_matrix_keeps_its_rows_and_a_vector_is_one_row() {
        Map<String, double[]> params = new LinkedHashMap<>();
        params.put("W", new double[] {1, 2, 3, 4, 5, 6});
        params.put("b", new double[] {7, 8, 9});
        Map<String, double[]> grad = new LinkedHashMap<>();
        grad.put("W", null); // .grad is None
        grad.put("b", new double[] {-1, 0, 1});
        StepRecord record = new StepRecord(1, 1, 1, null, grad, null, false, params);

        Matrix w = Matrix.of(record, "W", W1, false);
        assertThat(w.rows()).isEqualTo(2);
        assertThat(w.cols()).isEqualTo(3);
        assertThat(w.at(0, 2)).isEqualTo(3);
        assertThat(w.at(1, 0)).isEqualTo(4);
        assertThat(w.labels().get(5)).isEqualTo("W[1,2]");

        Matrix wGrad = Matrix.of(record, "W", W1, true);
        assertThat(wGrad.name()).isEqualTo("W.grad");
        assertThat(wGrad.values()).isNull();
        assertThat(wGrad.at(0, 0)).isNaN();
        assertThat(wGrad.maxAbs()).isZero();

        Matrix b = Matrix.of(record, "b", new int[] {3}, true);
        assertThat(b.rows()).isEqualTo(1);
        assertThat(b.cols()).isEqualTo(3);
        assertThat(b.at(0, 0)).isEqualTo(-1);
        assertThat(b.maxAbs()).isEqualTo(1);
        assertThat(b.labels()).containsExactly("b.grad[0]", "b.grad[1]", "b.grad[2]");
    }

    @Test
    void the_colour_scale_runs_from_blue_through_pale_to_red_symmetric_around_zero() {
        // ColorBrewer RdBu's five stops at −max, −max/2, 0, max/2, max
        assertThat(Matrix.colour(-4, 4)).isEqualTo("#2166ac");
        assertThat(Matrix.colour(-2, 4)).isEqualTo("#67a9cf");
        assertThat(Matrix.colour(0, 4)).isEqualTo("#f7f7f7");
        assertThat(Matrix.colour(2, 4)).isEqualTo("#ef8a62");
        assertThat(Matrix.colour(4, 4)).isEqualTo("#b2182b");
        // halfway between #f7f7f7 and #ef8a62: (247+239)/2 = 243, 247−109/2 = 192.5 → 193, 247−149/2 = 172.5 → 173
        assertThat(Matrix.colour(1, 4)).isEqualTo("#f3c1ad");
        assertThat(Matrix.colour(9, 4)).as("beyond the scale: its end").isEqualTo("#b2182b");
        assertThat(Matrix.colour(0, 0)).as("an all-zero matrix").isEqualTo("#f7f7f7");
        assertThat(Matrix.colour(Double.NaN, 1)).isEqualTo("#969696");
    }

    @Test
    void every_row_of_w2_grad_and_b2_grad_sums_to_zero_under_cross_entropy() {
        // ∂loss/∂logits = (softmax − one-hot) / N: each row sums to 1 − 1 = 0. b2.grad sums those rows, and
        // W2.grad = hiddenᵀ · ∂logits, so each of its rows is a weighted sum of rows that sum to 0.
        StepRecord first = firstStep();
        Matrix b2 = Matrix.of(first, "b2", new int[] {2}, true);
        assertThat(b2.at(0, 0) + b2.at(0, 1)).isCloseTo(0, within(1e-15));
        assertThat(Math.abs(b2.at(0, 0))).as("not trivially zero").isGreaterThan(1e-3);
        Matrix w2 = Matrix.of(first, "W2", new int[] {3, 2}, true);
        for (int r = 0; r < 3; r++) {
            assertThat(w2.at(r, 0) + w2.at(r, 1)).as("row " + r).isCloseTo(0, within(1e-15));
        }
    }

    @Test
    void mlp_explicit_weights_w1_and_its_grad_after_the_first_zeroed_step_match_pytorch() throws Exception {
        assumeThat(torchAvailable()).as("PyTorch at /usr/bin/python3").isTrue();
        // the scenario file's numbers and its first batch (rows 1–4), one SGD step with lr 0.5, in real PyTorch
        String script = String.join(
                "\n",
                "import json, torch",
                "import torch.nn.functional as F",
                "torch.set_default_dtype(torch.float64)",
                "W1 = torch.tensor([[0.5, -0.4, 0.3], [-0.2, 0.6, 0.4]], requires_grad=True)",
                "b1 = torch.tensor([0.1, 0.05, -0.1], requires_grad=True)",
                "W2 = torch.tensor([[0.3, -0.5], [-0.6, 0.2], [0.4, 0.1]], requires_grad=True)",
                "b2 = torch.tensor([0.0, 0.0], requires_grad=True)",
                "X = torch.tensor([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=torch.float64)",
                "label = torch.tensor([0, 1, 1, 0])",
                "F.cross_entropy(torch.relu(X @ W1 + b1) @ W2 + b2, label).backward()",
                "grad = W1.grad.tolist()",
                "with torch.no_grad():",
                "    W1 -= 0.5 * W1.grad",
                "print(json.dumps({'W1': W1.tolist(), 'grad': grad}))",
                "");
        JsonNode torch = new ObjectMapper().readTree(python(script));

        StepRecord first = firstStep();
        Matrix w1 = Matrix.of(first, "W1", W1, false);
        Matrix grad = Matrix.of(first, "W1", W1, true);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(w1.at(r, c))
                        .as("W1[%d,%d]", r, c)
                        .isCloseTo(torch.get("W1").get(r).get(c).asDouble(), within(1e-12));
                assertThat(grad.at(r, c))
                        .as("W1.grad[%d,%d]", r, c)
                        .isCloseTo(torch.get("grad").get(r).get(c).asDouble(), within(1e-12));
            }
        }
        assertThat(w1.maxAbs()).isPositive();
    }

    private static StepRecord firstStep() {
        Scenario s = BuiltInScenarios.find("mlp-explicit-weights").orElseThrow();
        RunResult result = new Runner().run(s, List.of(GradientStrategy.ZEROED));
        return result.runs().get(0).steps().get(0);
    }

    private static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String python(String script) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script)
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        return out.substring(out.lastIndexOf('\n') + 1);
    }
}
