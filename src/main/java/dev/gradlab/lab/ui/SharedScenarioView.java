package dev.gradlab.lab.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.SharedScenarios;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.Scenario;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved scenario in the Lab, by its share link {@code /s/{slug}}: no sign-in needed for an unlisted or public one,
 * and the Lab's URL state ({@code ?strategies=…&step=…}) works as on {@code /lab}. Whether the person asking may see
 * it is decided by {@link SharedScenarios}, on the server.
 */
@Route("s/:scenarioId")
@AnonymousAllowed
public class SharedScenarioView extends LabView {

    private final SharedScenarios shared;

    public SharedScenarioView(
            LabService lab, TrainingService training, ScenarioExports exports, SharedScenarios shared) {
        super(lab, training, exports);
        this.shared = shared;
    }

    @Override
    Optional<Scenario> find(String slug) {
        return shared.find(slug);
    }

    @Override
    String path(Scenario s) {
        return "s/" + Objects.requireNonNull(routeId(), "a share link always names a slug");
    }
}
