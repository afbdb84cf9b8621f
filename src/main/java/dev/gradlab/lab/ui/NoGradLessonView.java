package dev.gradlab.lab.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import java.util.List;
import java.util.Map;

/**
 * The no_grad lesson: the notebook's evaluation loop, then four parts measured live by the engine on the course's
 * model and test images — with versus without no-grad, the {@code total += loss} leak, backward() on a no-grad
 * result, and eval() versus no-grad.
 */
@Route("lessons/no-grad")
@AnonymousAllowed
@CssImport("./styles/views.css")
@CssImport("./styles/nograd.css")
@StyleSheet("context://styles/nograd-phone.css")
public class NoGradLessonView extends Div implements HasDynamicTitle {

    /** The notebook's evaluation loop; lines 0, 3 and 7 are the ones this lesson is about. */
    static final List<String> EVALUATION_LOOP = List.of(
            "model.eval()",
            "test_loss = 0",
            "correct = 0",
            "with torch.no_grad():",
            "    for data, target in test_loader:",
            "        data, target = data.to(device), target.to(device)",
            "        output = model(data)",
            "        test_loss += criterion(output, target).item()",
            "        pred = output.argmax(dim=1, keepdim=True)",
            "        correct += pred.eq(target.view_as(pred)).sum().item()",
            "test_loss /= len(test_loader)");

    public NoGradLessonView(NoGradLessonFacts facts) {
        addClassName("gradlab-page");
        addClassName("gradlab-nograd");
        add(new H1(getTranslation("nograd.title")), new Paragraph(getTranslation("nograd.intro")));
        CodeBlock loop = new CodeBlock(
                "eval-loop",
                getTranslation("nograd.loop.heading"),
                EVALUATION_LOOP,
                Map.of(0, CodeBlock.Mark.GOOD, 3, CodeBlock.Mark.GOOD, 7, CodeBlock.Mark.GOOD));
        Paragraph legend = new Paragraph(getTranslation("nograd.loop.legend"));
        legend.addClassName("gradlab-muted");
        add(LessonSection.of(
                "part-loop",
                new H2(getTranslation("nograd.loop.heading")),
                new Paragraph(getTranslation("nograd.loop.text")),
                loop,
                legend));
        add(
                LessonSection.of("part-eval", new EvaluationPart(facts)),
                LessonSection.of("part-leak", new LeakPart(facts)),
                LessonSection.of("part-backward-error", new BackwardPart(facts)),
                LessonSection.of("part-modes", new ModesPart(facts)));
        Anchor next = new Anchor("lab/spiral-mlp", getTranslation("nograd.next"));
        next.addClassName("gradlab-cta");
        next.setId("nograd-next");
        add(new Paragraph(getTranslation("nograd.closing")), next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nograd.title") + " · GradLab";
    }
}
