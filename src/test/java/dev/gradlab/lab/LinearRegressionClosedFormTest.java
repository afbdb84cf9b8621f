package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.GradientStrategy;
import org.junit.jupiter.api.Test;

/**
 * Built-in 3 against the closed-form gradient of L = mean((w·x + b − y)²): ∂L/∂w = 2/n Σ r·x, ∂L/∂b = 2/n Σ r with
 * r = w·x + b − y, and each strategy's rule re-implemented here on plain numbers.
 */
class LinearRegressionClosedFormTest {

    private static final double TOL = 1e-12;

    @Test
    void every_strategy_follows_the_closed_form_gradient_step_by_step() {
        var s = (ExpressionScenario)
                BuiltInScenarios.find("linear-regression-batches").orElseThrow();
        assertThat(s.strategies())
                .extracting(GradientStrategy::name)
                .containsExactly("zeroed", "summed", "averaged", "accumulate-2");
        double[] x = s.data().get("x").data();
        double[] y = s.data().get("y").data();
        double lr = s.learningRate();
        int batchSize = s.batchSize();
        int perEpoch = (x.length + batchSize - 1) / batchSize;
        RunResult result = new Runner().run(s);

        for (StrategyRun run : result.runs()) {
            String name = run.strategy().name();
            int k = name.startsWith("accumulate-") ? Integer.parseInt(name.substring(11)) : 1;
            double w = 0;
            double b = 0;
            Double gw = null;
            Double gb = null;
            int inBuffer = 0;
            int step = 0;
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                for (int batch = 1; batch <= perEpoch; batch++) {
                    StepRecord rec = run.steps().get(step++);
                    int from = (batch - 1) * batchSize;
                    int to = Math.min(x.length, from + batchSize);
                    int n = to - from;
                    double loss = 0;
                    double dw = 0;
                    double db = 0;
                    for (int i = from; i < to; i++) {
                        double r = w * x[i] + b - y[i];
                        loss += r * r / n;
                        dw += 2 * r * x[i] / n;
                        db += 2 * r / n;
                    }
                    if (name.equals("zeroed")) {
                        gw = null;
                        gb = null;
                        inBuffer = 0;
                    }
                    gw = (gw == null ? 0 : gw) + dw / k;
                    gb = (gb == null ? 0 : gb) + db / k;
                    inBuffer++;
                    assertThat(rec.loss()).as("%s step %d loss", name, step).isCloseTo(loss, within(TOL));
                    assertThat(rec.grad().get("w")[0])
                            .as("%s step %d grad w", name, step)
                            .isCloseTo(gw, within(TOL));
                    assertThat(rec.grad().get("b")[0])
                            .as("%s step %d grad b", name, step)
                            .isCloseTo(gb, within(TOL));
                    boolean steps = k == 1 || batch % k == 0 || batch == perEpoch;
                    assertThat(rec.stepped())
                            .as("%s step %d stepped", name, step)
                            .isEqualTo(steps);
                    if (steps) {
                        int divisor = name.equals("averaged") ? inBuffer : 1;
                        assertThat(rec.applied().get("w")[0]).isCloseTo(gw / divisor, within(TOL));
                        w -= lr * gw / divisor;
                        b -= lr * gb / divisor;
                        if (k > 1) {
                            gw = null;
                            gb = null;
                            inBuffer = 0;
                        }
                    } else {
                        assertThat(rec.applied()).isNull();
                    }
                    assertThat(rec.params().get("w")[0])
                            .as("%s step %d w", name, step)
                            .isCloseTo(w, within(TOL));
                    assertThat(rec.params().get("b")[0])
                            .as("%s step %d b", name, step)
                            .isCloseTo(b, within(TOL));
                }
            }
            assertThat(step).isEqualTo(run.steps().size());
        }
    }

    @Test
    void zeroed_ends_near_the_true_line_while_summed_does_not() {
        RunResult r = new Runner()
                .run(BuiltInScenarios.find("linear-regression-batches").orElseThrow());
        StepRecord zeroed = r.runs().get(0).steps().get(r.runs().get(0).steps().size() - 1);
        StepRecord summed = r.runs().get(1).steps().get(r.runs().get(1).steps().size() - 1);
        // y = 2x + 1: the zeroed loss of the last batch is small, the summed one is not.
        assertThat(zeroed.loss()).isLessThan(0.1);
        assertThat(summed.loss()).isGreaterThan(1);
    }
}
