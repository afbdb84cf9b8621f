package dev.gradlab.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingListener;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/scenarios/{slug}/run} counts against its client address's training submissions a minute
 * ({@code gradlab.training.submissions-per-address-per-minute}), like the Lab's Start button: once the address has
 * used them up, the API answers 429 with one line, while the queue still has room.
 */
@SpringBootTest(properties = "gradlab.training.submissions-per-address-per-minute=2")
@AutoConfigureMockMvc
class ApiRunRateLimitTest {

    /** MockMvc's requests come from this address. */
    private static final String MOCK_ADDRESS = "127.0.0.1";

    @Autowired
    MockMvc mvc;

    @Autowired
    TrainingService training;

    @Test
    void run_of_a_model_scenario_is_429_once_the_address_has_used_its_submissions_for_the_minute() throws Exception {
        String slug = ApiTest.savedXorScenario(mvc, "rate-ann");

        // the address's two submissions of this minute, in two sessions (well within every other cap)
        ModelScenario longRun =
                ((ModelScenario) BuiltInScenarios.find("spiral-mlp").orElseThrow()).withEpochs(100_000);
        List<TrainingJob> mine = new ArrayList<>();
        try {
            mine.add(training.submit("rate-1", MOCK_ADDRESS, longRun, new TrainingListener() {}));
            mine.add(training.submit("rate-2", MOCK_ADDRESS, longRun, new TrainingListener() {}));

            mvc.perform(get("/api/scenarios/" + slug + "/run"))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.error", Matchers.containsString("a minute")));
        } finally {
            mine.forEach(TrainingJob::cancel);
        }
    }
}
