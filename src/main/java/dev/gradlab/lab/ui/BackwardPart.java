package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import dev.gradlab.lab.nograd.BackwardFailure;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import java.util.List;
import java.util.Map;

/**
 * Lesson part 3: a loss computed inside no-grad, and a button that really calls {@code backward()} on it; the engine's
 * refusal is shown word for word.
 */
final class BackwardPart extends Composite<Div> {

    /** What PyTorch 1.13 raises for {@code loss.backward()} on a loss computed under no_grad, word for word. */
    static final String PYTORCH_ERROR =
            "RuntimeError: element 0 of tensors does not require grad and does not have a" + " grad_fn";

    private final NoGradLessonFacts facts;
    private final Div result = new Div();

    BackwardPart(NoGradLessonFacts facts) {
        this.facts = facts;
        CodeBlock code = new CodeBlock(
                "backward-code",
                getTranslation("nograd.backward.heading"),
                List.of(
                        "with torch.no_grad():",
                        "    output = model(data)",
                        "    loss = criterion(output, target)",
                        "print(loss.requires_grad, loss.grad_fn)",
                        "loss.backward()"),
                Map.of(4, CodeBlock.Mark.BAD));
        Button tryIt = new Button(getTranslation("nograd.backward.try"), e -> tryBackward());
        tryIt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tryIt.setId("try-backward");
        result.setId("backward-result");
        result.getElement().setAttribute("aria-live", "polite");
        getContent()
                .add(
                        new H2(getTranslation("nograd.backward.heading")),
                        new Paragraph(getTranslation("nograd.backward.text")),
                        code,
                        tryIt,
                        result);
    }

    private void tryBackward() {
        BackwardFailure f = facts.tryBackward();
        result.removeAll();
        Span state = new Span("loss.requires_grad = " + (f.requiresGrad() ? "True" : "False") + ", loss.grad_fn = "
                + (f.hasGradFn() ? "…" : "None"));
        state.setId("backward-state");
        state.addClassName("gradlab-caption");
        Pre pytorch = new Pre(PYTORCH_ERROR);
        pytorch.setId("backward-error-pytorch");
        pytorch.addClassName("gradlab-error-text");
        Pre error = new Pre(f.afterScope());
        error.setId("backward-error");
        error.addClassName("gradlab-error-text");
        Paragraph explain = new Paragraph(getTranslation("nograd.backward.explain"));
        result.add(
                state,
                new Span(getTranslation("nograd.backward.pytorch")),
                pytorch,
                new Span(getTranslation("nograd.backward.refused")),
                error,
                explain);
    }
}
