package dev.gradlab.lab.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInModelScenariosTest {

    private static ModelScenario spec(String id) {
        Scenario s = BuiltInScenarios.find(id).orElseThrow();
        assertThat(s).as(id).isInstanceOf(ModelScenario.class);
        return (ModelScenario) s;
    }

    @Test
    void spiral_mlp_with_zeroed_passes_90_percent_while_summed_stays_at_chance() {
        ModelScenario spec = spec("spiral-mlp");
        assertThat(spec.layers()).hasSize(4); // two hidden layers
        ModelResult result =
                new ModelTrainer().train(spec.withStrategies(GradientStrategy.parseAll("zeroed", "summed")));
        ModelRun zeroed = result.runs().get(0);
        ModelRun summed = result.runs().get(1);
        assertThat(zeroed.epochs()).hasSize(spec.epochs());
        assertThat(zeroed.last().accuracy())
                .as("zeroed after %d epochs", spec.epochs())
                .isGreaterThanOrEqualTo(0.90);
        // two balanced classes: 50% is guessing. summed never gets far from it, in any epoch
        double summedBest = summed.epochs().stream()
                .mapToDouble(EpochRecord::accuracy)
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        assertThat(summed.diverged() != null || summedBest <= 0.65)
                .as("summed best accuracy %s", summedBest)
                .isTrue();
        assertThat(summed.diverged() != null
                        || summed.last().testLoss() > 2 * zeroed.last().testLoss())
                .isTrue();
    }

    @Test
    void every_built_in_model_scenario_trains_its_first_epoch() {
        for (String id : List.of("xor-mlp", "circle-mlp", "gaussian-mlp")) {
            ModelResult r = new ModelTrainer()
                    .train(spec(id).withEpochs(1).withStrategies(GradientStrategy.parseAll("zeroed")));
            assertThat(r.runs().get(0).epochs()).as(id).hasSize(1);
            assertThat(r.norms()).as(id).isFalse();
        }
    }

    @Test
    void the_training_service_leaves_one_core_for_the_web_server() {
        try (TrainingService service = new TrainingService(5, 1, 4, java.time.Duration.ofMinutes(1))) {
            assertThat(service.threads())
                    .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        }
    }
}
