package dev.gradlab.lab.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.BackwardDemo;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.RunFacts;
import dev.gradlab.lab.RunResult;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The zero_grad lesson: three short parts, each around a live widget computed by the engine — backward() adding into
 * .grad, the hand-worked gradient-descent example, and the four strategies side by side on a real loss.
 */
@Route("lessons/zero-grad")
@AnonymousAllowed
@CssImport("./styles/views.css")
public class ZeroGradLessonView extends Div implements HasDynamicTitle {

    static final String HAND_WORKED = "gd-by-hand";
    static final String SIDE_BY_SIDE = "linear-regression-batches";

    private final LabService lab;

    public ZeroGradLessonView(LabService lab) {
        this.lab = lab;
        addClassName("gradlab-page");
        add(new H1(getTranslation("lesson.title")), new Paragraph(getTranslation("lesson.intro")));
        add(createBackwardPart(), createHandWorkedPart(), createSideBySidePart());
        Paragraph closing = new Paragraph(getTranslation("lesson.part3.closing"));
        Anchor next = new Anchor("lab/" + SIDE_BY_SIDE, getTranslation("lesson.next"));
        next.addClassName("gradlab-cta");
        add(closing, next);
    }

    private Div createBackwardPart() {
        String x = Numbers.vector(new BackwardDemo().x(), getLocale());
        String twoX = Numbers.vector(BackwardDemo.gradientOfOneCall(), getLocale());
        return LessonSection.of(
                "part-backward",
                new H2(getTranslation("lesson.part1.heading")),
                new Paragraph(getTranslation("lesson.part1.text", x, twoX)),
                new BackwardWidget());
    }

    private Div createHandWorkedPart() {
        ManualScenario s = lab.manual(HAND_WORKED);
        RunResult result = lab.run(s);
        Map.Entry<String, TensorData> only = s.params().entrySet().iterator().next();
        String param = only.getKey();
        String grads = lab.givenGradients(s).stream()
                .map(g -> Numbers.format(g, getLocale()))
                .collect(Collectors.joining(", "));
        double theta0 = only.getValue().data()[0];
        Paragraph text = new Paragraph(getTranslation(
                "lesson.part2.text",
                Numbers.format(theta0, getLocale()),
                Numbers.format(s.learningRate(), getLocale()),
                grads));
        return LessonSection.of(
                "part-hand",
                new H2(getTranslation("lesson.part2.heading")),
                text,
                new HandWorkedExample(param, lab.formulas(s, result)));
    }

    private Div createSideBySidePart() {
        Scenario s = lab.scenario(SIDE_BY_SIDE)
                .orElseThrow(() -> new IllegalStateException("built-in scenario " + SIDE_BY_SIDE + " is missing"));
        RunResult result = lab.run(s);
        RunFacts.Difference diverge = RunFacts.firstDifference(result);
        Paragraph divergence = new Paragraph(
                diverge == null
                        ? getTranslation("lesson.part3.same")
                        : getTranslation(
                                "lesson.part3.diverge",
                                diverge.step(),
                                StrategyText.label(this, diverge.first()),
                                StrategyText.label(this, diverge.second())));
        divergence.setId("divergence");
        divergence.addClassName("gradlab-callout");
        Div legend = new Div();
        legend.addClassName("gradlab-legend");
        for (GradientStrategy strategy : RunFacts.strategies(result)) {
            Paragraph p = new Paragraph(
                    StrategyText.label(this, strategy) + " — " + StrategyText.description(this, strategy));
            legend.add(p);
        }
        RunCharts charts = new RunCharts();
        charts.show(result, null);
        StepTables tables = new StepTables();
        tables.show(result, null);
        return LessonSection.of(
                "part-side-by-side",
                new H2(getTranslation("lesson.part3.heading")),
                new Paragraph(getTranslation("lesson.part3.text", s.title().in(getLocale()))),
                legend,
                divergence,
                charts,
                tables);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.title") + " · GradLab";
    }
}
