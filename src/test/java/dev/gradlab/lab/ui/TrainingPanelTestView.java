package dev.gradlab.lab.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.TestCommons;
import java.util.List;

/**
 * Test-only page (on the test classpath, so never in the app): the training panel on a spec chosen by the test —
 * {@code small}, a 2-8-2 net on 200 XOR points for 3 epochs, or {@code slow}, long enough to cancel mid-way.
 */
@Route("test/training/:which")
@AnonymousAllowed
@CssImport("./styles/views.css")
@CssImport("./styles/nograd.css")
public class TrainingPanelTestView extends Div implements BeforeEnterObserver {

    private final TrainingService training;

    public TrainingPanelTestView(TrainingService training) {
        this.training = training;
        addClassName("gradlab-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String which = event.getRouteParameters().get("which").orElse("small");
        ModelScenario spec = which.equals("slow")
                ? new ModelScenario(
                        TestCommons.common(20, 0.01, OptimizerSpec.sgd(), List.of("zeroed", "summed")),
                        "spiral",
                        4000,
                        0.1,
                        0.25,
                        null,
                        new int[] {2, 64, 64, 2},
                        "relu",
                        0.0,
                        1,
                        1)
                : new ModelScenario(
                        TestCommons.common(
                                3,
                                0.1,
                                new OptimizerSpec(OptimizerSpec.Type.SGD, 0.9, 0, 0, false, 0.9, 0.999, 1e-8),
                                List.of("zeroed", "summed")),
                        "xor",
                        200,
                        0.1,
                        0.25,
                        null,
                        new int[] {2, 8, 2},
                        "tanh",
                        0.0,
                        42,
                        16);
        removeAll();
        add(new TrainingPanel(training, spec));
    }
}
