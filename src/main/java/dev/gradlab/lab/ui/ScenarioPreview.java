package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.base.ui.markdown.Markdown;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.Scenario;
import java.util.Locale;

/**
 * What the Lab would show for a scenario that is not saved yet (the editor's preview): its title and rendered
 * description, then the Lab's own step tables and charts of every strategy, or, for a model, the Lab's training panel
 * limited to a short run of at most {@link #PREVIEW_EPOCHS} epochs on the shared bounded executor.
 */
public final class ScenarioPreview extends Composite<Div> {

    /** Epochs a model preview trains at most: enough to see the strategies part, short enough to wait for. */
    public static final int PREVIEW_EPOCHS = 3;

    private final LabService lab;
    private final TrainingService training;
    private final StepTables tables = new StepTables();
    private final RunCharts charts = new RunCharts();

    public ScenarioPreview(LabService lab, TrainingService training) {
        this.lab = lab;
        this.training = training;
        getContent().setId("preview");
        getContent().addClassName("gradlab-preview");
    }

    /** Replaces the preview with {@code scenario}'s. */
    public void show(Scenario scenario) {
        Div box = getContent();
        box.removeAll();
        box.add(new H2(scenario.title().in(getLocale())));
        if (scenario.description() != null) {
            Html description = Markdown.component(scenario.description().in(getLocale()));
            description.getElement().setAttribute("id", "preview-description");
            box.add(description);
        }
        scenario.<Div>match(m -> showSteps(scenario), e -> showSteps(scenario), model -> {
            box.add(new TrainingPanel(training, model.withEpochs(Math.min(PREVIEW_EPOCHS, model.epochs()))));
            return box;
        });
    }

    /** Shows a one-line reason instead of the preview (e.g. a run that fails while evaluating the loss). */
    public void showProblem(String message) {
        getContent().removeAll();
        Paragraph p = new Paragraph(message);
        p.addClassName("gradlab-callout");
        p.setId("preview-problem");
        getContent().add(p);
    }

    private Div showSteps(Scenario scenario) {
        var result = lab.preview(scenario);
        tables.show(result, null);
        charts.show(result, null);
        getContent()
                .add(
                        new H3(getTranslation("lab.tables.heading")),
                        tables,
                        new H3(getTranslation("lab.charts.heading")),
                        charts);
        return getContent();
    }

    /** The Lab's Export menu (YAML, CSV, PyTorch) for {@code scenario}. */
    public static Component exportMenu(ScenarioExports exports, Scenario scenario, Locale locale) {
        return new ExportMenu(exports, scenario, locale);
    }
}
