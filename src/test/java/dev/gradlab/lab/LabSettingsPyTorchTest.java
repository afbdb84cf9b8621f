package dev.gradlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.Scenario;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLP built-in with the Lab's settings changed (learning rate, batch size, epochs, K), every strategy step by
 * step against real PyTorch (skipped when torch is not installed for /usr/bin/python3).
 */
class LabSettingsPyTorchTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void changed_settings_run_step_by_step_as_pytorch_does(@TempDir Path dir) throws Exception {
        assumeTrue(new File(PYTHON).canExecute(), "no " + PYTHON);
        Scenario base = BuiltInScenarios.find("mlp-explicit-weights").orElseThrow();
        // 8 rows in batches of 3 (the last has 2), 2 epochs, η = 0.2, accumulate-3 instead of accumulate-2
        LabSettings settings = LabSettings.of(base)
                .withLearningRate(0.2)
                .withBatchSize(3)
                .withEpochs(2)
                .withAccumulation(3);
        LabService lab = new LabService();
        assertThat(lab.check(base, settings, null)).isNull();
        var s = (ExpressionScenario) lab.apply(base, settings);
        Path script = dir.resolve("settings.py");
        Files.writeString(script, PyTorchScript.forScenarios(s));
        Process p = new ProcessBuilder(PYTHON, script.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!out.equals("NO_TORCH"), "PyTorch is not installed for " + PYTHON);
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode torch = new ObjectMapper().readTree(out).get(s.id());

        RunResult result = lab.run(s);
        assertThat(result.runs()).extracting(r -> r.strategy().name()).contains("accumulate-3");
        for (StrategyRun run : result.runs()) {
            JsonNode expected = torch.get(run.strategy().name());
            assertThat(run.steps()).hasSize(6).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                StepRecord rec = run.steps().get(i);
                String where = run.strategy().name() + " step " + rec.step();
                assertThat(rec.loss())
                        .as(where + " loss")
                        .isCloseTo(expected.get(i).get("loss").asDouble(), within(1e-12));
                for (String name : s.params().keySet()) {
                    JsonNode e = expected.get(i).get("params").get(name);
                    double[] v = new double[e.size()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = e.get(j).asDouble();
                    }
                    assertThat(rec.params().get(name)).as(where + " " + name).containsExactly(v, within(1e-12));
                }
            }
        }
    }
}
