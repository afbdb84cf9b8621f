package dev.gradlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingListener;
import dev.gradlab.lab.train.TrainingRejectedException;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/scenarios/{slug}/run} of a model scenario trains on the app's bounded queue: with every training
 * thread busy and no queue left, the API answers 429 with one line, rather than waiting or piling up work.
 */
@SpringBootTest(properties = "gradlab.training.max-queued=0")
@AutoConfigureMockMvc
class ApiQueueFullTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TrainingService training;

    @Test
    void run_of_a_model_scenario_is_429_while_the_training_queue_is_full() throws Exception {
        String slug = ApiTest.savedXorScenario(mvc, "queue-ann");

        // Occupy every training thread with a long run, until the queue (0 places) refuses one more.
        ModelScenario longRun =
                ((ModelScenario) BuiltInScenarios.find("spiral-mlp").orElseThrow()).withEpochs(100_000);
        List<TrainingJob> busy = new ArrayList<>();
        try {
            boolean refused = false;
            for (int i = 0; i < 64 && !refused; i++) {
                try {
                    busy.add(training.submit("busy-" + i, longRun, new TrainingListener() {}));
                } catch (TrainingRejectedException e) {
                    refused = true;
                }
            }
            assertThat(refused)
                    .as("the queue refuses once every thread is busy")
                    .isTrue();

            mvc.perform(get("/api/scenarios/" + slug + "/run"))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.error").isString());
        } finally {
            busy.forEach(TrainingJob::cancel);
        }
    }
}
