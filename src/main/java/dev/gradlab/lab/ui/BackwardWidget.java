package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.BackwardDemo;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson widget 1: a button that calls backward() once on y = sum(x²), the {@code x.grad} row after each call, a
 * switch that zeroes the gradient first, and the same lines in PyTorch.
 */
final class BackwardWidget extends Composite<Div> {

    /** Rows kept on screen: enough to see the growth, few enough to fit a phone. */
    private static final int ROWS_SHOWN = 8;

    private final BackwardDemo demo = new BackwardDemo();
    private final Div rows = new Div();
    private final Checkbox zeroFirst = new Checkbox();
    private final Paragraph explanation = new Paragraph();
    private final Pre code = new Pre();
    private final List<Div> rowList = new ArrayList<>();

    BackwardWidget() {
        Button backward = new Button(getTranslation("lesson.part1.backward"), e -> callBackward());
        backward.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backward.setId("backward-button");
        zeroFirst.setLabel(getTranslation("lesson.part1.zero-first"));
        zeroFirst.setId("zero-first");
        zeroFirst.addValueChangeListener(e -> updateTexts());
        Button reset = new Button(getTranslation("lesson.part1.reset"), e -> reset());
        reset.setId("reset-demo");

        HorizontalLayout controls = new HorizontalLayout(backward, zeroFirst, reset);
        controls.setAlignItems(FlexComponent.Alignment.CENTER);
        controls.setWrap(true);

        Span caption = new Span(getTranslation("lesson.part1.after"));
        caption.addClassName("gradlab-caption");
        rows.setId("grad-rows");
        rows.addClassName("gradlab-grad-rows");
        rows.getElement().setAttribute("aria-live", "polite");
        code.addClassName("gradlab-code");
        Span codeCaption = new Span(getTranslation("lesson.part1.code"));
        codeCaption.addClassName("gradlab-caption");

        getContent().addClassName("gradlab-widget");
        getContent().add(controls, caption, rows, explanation, codeCaption, code);
        reset();
    }

    private void callBackward() {
        double[] grad = demo.backwardOnce(zeroFirst.getValue());
        Div row = new Div();
        row.addClassName("gradlab-grad-row");
        row.setId("grad-row-" + demo.calls());
        Span label = new Span(getTranslation("lesson.part1.call", demo.calls()));
        label.addClassName("gradlab-grad-call");
        Span value = new Span("x.grad = " + Numbers.vector(grad, getLocale()));
        value.addClassName("gradlab-grad-value");
        if (zeroFirst.getValue()) {
            row.addClassName("zeroed");
        }
        row.add(label, value);
        rowList.add(row);
        if (rowList.size() > ROWS_SHOWN) {
            rows.remove(rowList.remove(0));
        }
        rows.removeAll();
        rowList.forEach(rows::add);
        updateTexts();
    }

    private void reset() {
        demo.reset();
        rowList.clear();
        rows.removeAll();
        Div empty = new Div(getTranslation("lesson.part1.empty"));
        empty.addClassName("gradlab-grad-empty");
        rows.add(empty);
        updateTexts();
    }

    private void updateTexts() {
        boolean zero = zeroFirst.getValue();
        explanation.setText(getTranslation(zero ? "lesson.part1.explain-zero" : "lesson.part1.explain-acc"));
        double[] x = demo.x();
        double[] grad = demo.grad();
        var lines = new ArrayList<String>();
        lines.add("x = torch.tensor(" + python(x) + ", dtype=torch.float64, requires_grad=True)");
        lines.add("");
        lines.add("# " + getTranslation("lesson.part1.each-click"));
        if (zero) {
            lines.add("x.grad = None  # optimizer.zero_grad()");
        }
        lines.add("y = (x ** 2).sum()");
        lines.add("y.backward()");
        lines.add("print(x.grad)");
        if (grad != null) {
            lines.add("# → tensor(" + python(grad) + ", dtype=torch.float64)");
        }
        code.setText(String.join("\n", lines));
    }

    /** PyTorch prints whole doubles as {@code 2.}; so does this. */
    private static String python(double[] v) {
        var parts = new ArrayList<String>();
        for (double d : v) {
            parts.add(d == Math.rint(d) ? (long) d + "." : Double.toString(d));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
