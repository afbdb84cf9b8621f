package dev.gradlab.lab.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
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
 * Lesson widget 1: a button that calls backward() once on y = sum(x²), the {@code x.grad} row after each call (calls
 * that zeroed first are marked), a switch that zeroes the gradient first, and the same lines in PyTorch with what
 * the next click prints. The demo and the switch live in the UI, so a language switch (which rebuilds the view)
 * keeps them.
 */
final class BackwardWidget extends Composite<Div> {

    /** Rows kept on screen: enough to see the growth, few enough to fit a phone. */
    private static final int ROWS_SHOWN = 8;

    /** What survives the view being rebuilt in the same tab. */
    private static final class State {
        final BackwardDemo demo = new BackwardDemo();
        boolean zeroFirst;
    }

    private final State state;
    private final BackwardDemo demo;
    private final Div rows = new Div();
    private final Checkbox zeroFirst = new Checkbox();
    private final Paragraph explanation = new Paragraph();
    private final Pre code = new Pre();

    BackwardWidget() {
        state = state();
        demo = state.demo;
        Button backward = new Button(getTranslation("lesson.part1.backward"), e -> callBackward());
        backward.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backward.setId("backward-button");
        zeroFirst.setLabel(getTranslation("lesson.part1.zero-first"));
        zeroFirst.setId("zero-first");
        zeroFirst.setValue(state.zeroFirst);
        zeroFirst.addValueChangeListener(e -> {
            state.zeroFirst = e.getValue();
            updateTexts();
        });
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
        explanation.setId("grad-explanation");
        code.addClassName("gradlab-code");
        code.setId("backward-code");
        Span codeCaption = new Span(getTranslation("lesson.part1.code"));
        codeCaption.addClassName("gradlab-caption");

        getContent().addClassName("gradlab-widget");
        getContent().add(controls, caption, rows, explanation, codeCaption, code);
        showRows();
        updateTexts();
    }

    private static State state() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return new State();
        }
        State s = ComponentUtil.getData(ui, State.class);
        if (s == null) {
            s = new State();
            ComponentUtil.setData(ui, State.class, s);
        }
        return s;
    }

    private void callBackward() {
        demo.backwardOnce(zeroFirst.getValue());
        showRows();
        updateTexts();
    }

    private void showRows() {
        rows.removeAll();
        List<BackwardDemo.Call> calls = demo.history();
        if (calls.isEmpty()) {
            Div empty = new Div(getTranslation("lesson.part1.empty"));
            empty.addClassName("gradlab-grad-empty");
            rows.add(empty);
            return;
        }
        for (BackwardDemo.Call call : calls.subList(Math.max(0, calls.size() - ROWS_SHOWN), calls.size())) {
            Div row = new Div();
            row.addClassName("gradlab-grad-row");
            row.setId("grad-row-" + call.number());
            Span label = new Span(getTranslation("lesson.part1.call", call.number()));
            label.addClassName("gradlab-grad-call");
            row.add(label);
            if (call.zeroed()) {
                row.addClassName("zeroed");
                Span mark = new Span(getTranslation("lesson.part1.zeroed-mark"));
                mark.addClassName("gradlab-grad-zeroed");
                row.add(mark);
            }
            Span value = new Span("x.grad = " + Numbers.vector(call.grad(), getLocale()));
            value.addClassName("gradlab-grad-value");
            row.add(value);
            rows.add(row);
        }
    }

    private void reset() {
        demo.reset();
        showRows();
        updateTexts();
    }

    private void updateTexts() {
        boolean zero = zeroFirst.getValue();
        String mode = getTranslation(zero ? "lesson.part1.explain-zero" : "lesson.part1.explain-acc");
        double[] grad = demo.grad();
        if (grad == null) {
            explanation.setText(mode);
        } else {
            int k = demo.callsSinceZero();
            String since = demo.lastZeroedCall() == 0
                    ? getTranslation("lesson.part1.since-start")
                    : getTranslation("lesson.part1.since-zero", demo.lastZeroedCall());
            String holds = k == 1
                    ? getTranslation("lesson.part1.holds-one", Numbers.vector(grad, getLocale()), since)
                    : getTranslation("lesson.part1.holds", k, Numbers.vector(grad, getLocale()), since);
            explanation.setText(holds + " " + mode);
        }
        double[] x = demo.x();
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
        lines.add("# " + getTranslation("lesson.part1.next-prints"));
        lines.add("# tensor(" + python(demo.nextGrad(zero)) + ", dtype=torch.float64)");
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
