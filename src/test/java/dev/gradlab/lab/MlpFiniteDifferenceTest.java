package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ExpressionScenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built-in 4 against central finite differences of a plain-Java forward pass of
 * cross_entropy(relu(X @ W1 + b1) @ W2 + b2, label) — no engine involved in the expected values.
 */
class MlpFiniteDifferenceTest {

    private static final double H = 1e-6;

    private final ExpressionScenario s =
            (ExpressionScenario) BuiltInScenarios.find("mlp-explicit-weights").orElseThrow();
    private final double[][] x = rows(s.data().get("X").data(), 2);
    private final double[] labels = s.data().get("label").data();

    @Test
    void zeroed_grads_are_the_finite_difference_gradients_and_steps_are_plain_sgd() {
        StrategyRun zeroed = new Runner().run(s).runs().get(0);
        assertThat(zeroed.strategy().name()).isEqualTo("zeroed");
        Map<String, double[]> p = initial();
        int step = 0;
        for (StepRecord rec : zeroed.steps()) {
            int from = (rec.batch() - 1) * s.batchSize();
            assertThat(rec.loss()).isCloseTo(loss(p, from), within(1e-12));
            Map<String, double[]> after = new LinkedHashMap<>();
            for (String name : p.keySet()) {
                double[] fd = finiteDifference(p, name, from);
                assertThat(rec.grad().get(name))
                        .as("step %d grad %s", rec.step(), name)
                        .containsExactly(fd, within(1e-7));
                double[] next = p.get(name).clone();
                for (int i = 0; i < next.length; i++) {
                    next[i] -= s.learningRate() * rec.grad().get(name)[i];
                }
                after.put(name, next);
                assertThat(rec.params().get(name)).containsExactly(next, within(1e-12));
            }
            p = after;
            step++;
        }
        assertThat(step).isEqualTo(10);
    }

    @Test
    void summed_buffers_add_the_finite_difference_gradient_of_each_batch() {
        StrategyRun summed = new Runner().run(s).runs().get(1);
        assertThat(summed.strategy().name()).isEqualTo("summed");
        Map<String, double[]> before = initial();
        Map<String, double[]> buffer = new LinkedHashMap<>();
        for (StepRecord rec : summed.steps().subList(0, 4)) {
            int from = (rec.batch() - 1) * s.batchSize();
            for (String name : before.keySet()) {
                double[] fd = finiteDifference(before, name, from);
                double[] sum = buffer.getOrDefault(name, new double[fd.length]).clone();
                for (int i = 0; i < fd.length; i++) {
                    sum[i] += fd[i];
                }
                buffer.put(name, sum);
                assertThat(rec.grad().get(name))
                        .as("step %d grad %s", rec.step(), name)
                        .containsExactly(sum, within(1e-7));
            }
            rec.params().forEach((name, v) -> before.put(name, v.clone()));
        }
    }

    private Map<String, double[]> initial() {
        Map<String, double[]> p = new LinkedHashMap<>();
        s.params().forEach((name, t) -> p.put(name, t.data()));
        return p;
    }

    private double[] finiteDifference(Map<String, double[]> p, String name, int from) {
        double[] g = new double[p.get(name).length];
        for (int i = 0; i < g.length; i++) {
            Map<String, double[]> plus = copy(p);
            Map<String, double[]> minus = copy(p);
            plus.get(name)[i] += H;
            minus.get(name)[i] -= H;
            g[i] = (loss(plus, from) - loss(minus, from)) / (2 * H);
        }
        return g;
    }

    /** Mean cross-entropy over the batch's rows; W1 is [2, 3], W2 is [3, 2]. */
    private double loss(Map<String, double[]> p, int from) {
        double[] w1 = p.get("W1");
        double[] b1 = p.get("b1");
        double[] w2 = p.get("W2");
        double[] b2 = p.get("b2");
        int to = Math.min(x.length, from + s.batchSize());
        double total = 0;
        for (int r = from; r < to; r++) {
            double[] hidden = new double[3];
            for (int j = 0; j < 3; j++) {
                hidden[j] = Math.max(0, x[r][0] * w1[j] + x[r][1] * w1[3 + j] + b1[j]);
            }
            double[] logits = new double[2];
            for (int c = 0; c < 2; c++) {
                logits[c] = hidden[0] * w2[c] + hidden[1] * w2[2 + c] + hidden[2] * w2[4 + c] + b2[c];
            }
            double m = Math.max(logits[0], logits[1]);
            double logSumExp = m + Math.log(Math.exp(logits[0] - m) + Math.exp(logits[1] - m));
            total += logSumExp - logits[(int) labels[r]];
        }
        return total / (to - from);
    }

    private static Map<String, double[]> copy(Map<String, double[]> p) {
        Map<String, double[]> c = new LinkedHashMap<>();
        p.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }

    private static double[][] rows(double[] flat, int width) {
        double[][] out = new double[flat.length / width][];
        for (int r = 0; r < out.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }
}
