package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.nograd.ModeFacts;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import java.util.Arrays;
import java.util.List;

/**
 * Lesson part 4: {@code model.train()/model.eval()} against grad/no-grad in a 2×2 table. Each cell says whether the
 * outputs equal the eval-mode reference (dropout off, grad on), how far they are from it, and what was recorded — so
 * the student sees that each switch does what the other does not.
 */
final class ModesPart extends Composite<Div> {

    ModesPart(NoGradLessonFacts facts) {
        List<ModeFacts> cells = facts.modes(); // (train, grad), (train, no-grad), (eval, grad), (eval, no-grad)
        double[][] reference = cells.get(2).outputs();
        SimpleTable table = new SimpleTable(
                "modes-table",
                getTranslation("nograd.modes.table"),
                List.of("", getTranslation("nograd.mode.grad"), "torch.\u200bno_grad()"));
        table.addRow(
                List.of("model.\u200btrain()", cell(cells.get(0), reference), cell(cells.get(1), reference)),
                Arrays.asList(null, "mode-train-grad", "mode-train-nograd"),
                "gradlab-modes-row");
        table.addRow(
                List.of("model.\u200beval()", cell(cells.get(2), reference), cell(cells.get(3), reference)),
                Arrays.asList(null, "mode-eval-grad", "mode-eval-nograd"),
                "gradlab-modes-row");
        Paragraph conclusion = new Paragraph(getTranslation("nograd.modes.conclusion"));
        conclusion.addClassName("gradlab-callout");
        getContent()
                .add(
                        new H2(getTranslation("nograd.modes.heading")),
                        new Paragraph(getTranslation(
                                "nograd.modes.text",
                                Numbers.format(NoGradLessonFacts.DROPOUT, getLocale()),
                                NoGradLessonFacts.ROWS)),
                        table,
                        conclusion);
    }

    private String cell(ModeFacts m, double[][] reference) {
        double diff = maxDifference(m.outputs(), reference);
        String same = diff == 0
                ? getTranslation("nograd.modes.same")
                : getTranslation("nograd.modes.differ", Numbers.format(diff, getLocale()));
        return same + "\n" + getTranslation("nograd.modes.first", Numbers.format(m.outputs()[0][0], getLocale()))
                + "\n" + getTranslation("nograd.modes.graph", m.graph().nodes())
                + "\nrequires_grad = " + (m.requiresGrad() ? "True" : "False");
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
