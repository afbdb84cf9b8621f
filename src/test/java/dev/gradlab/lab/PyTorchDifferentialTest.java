package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ExpressionScenario;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Built-ins 3 and 4, every strategy, step by step against real PyTorch (skipped when torch is not installed). */
class PyTorchDifferentialTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void every_step_of_every_strategy_matches_pytorch(@TempDir Path dir) throws Exception {
        assumeTrue(new File(PYTHON).canExecute(), "no " + PYTHON);
        var regression = (ExpressionScenario)
                BuiltInScenarios.find("linear-regression-batches").orElseThrow();
        var mlp = (ExpressionScenario)
                BuiltInScenarios.find("mlp-explicit-weights").orElseThrow();
        Path script = dir.resolve("strategies.py");
        Files.writeString(script, PyTorchScript.forScenarios(regression, mlp));
        Process p = new ProcessBuilder(PYTHON, script.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!out.equals("NO_TORCH"), "PyTorch is not installed for " + PYTHON);
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode torch = new ObjectMapper().readTree(out);

        for (ExpressionScenario s : new ExpressionScenario[] {regression, mlp}) {
            for (StrategyRun run : new Runner().run(s).runs()) {
                JsonNode expected = torch.get(s.id()).get(run.strategy().name());
                assertThat(run.steps()).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    StepRecord rec = run.steps().get(i);
                    JsonNode e = expected.get(i);
                    String where = s.id() + " " + run.strategy().name() + " step " + rec.step();
                    assertThat(rec.loss())
                            .as(where + " loss")
                            .isCloseTo(e.get("loss").asDouble(), within(1e-12));
                    for (String name : s.params().keySet()) {
                        assertThat(rec.params().get(name))
                                .as(where + " " + name)
                                .containsExactly(doubles(e.get("params").get(name)), within(1e-12));
                        assertThat(rec.grad().get(name))
                                .as(where + " grad " + name)
                                .containsExactly(doubles(e.get("grad").get(name)), within(1e-12));
                    }
                }
            }
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
