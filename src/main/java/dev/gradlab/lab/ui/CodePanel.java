package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.gradlab.lab.PyTorchCode;
import dev.gradlab.lab.PyTorchCode.Line;
import dev.gradlab.lab.PyTorchCode.Phase;
import dev.gradlab.scenario.GradientStrategy;
import java.util.List;

/**
 * The equivalent PyTorch loop, one element per line. The lines the current batch ran are highlighted and the phase
 * it ended in is marked: the tables and charts show the state at the end of a batch, so the code shows the same
 * moment, and a line that did not run this batch (zero_grad under summed, step under accumulate) is visibly dimmed.
 */
final class CodePanel extends Composite<Div> {

    CodePanel() {
        getContent().addClassName("gradlab-code");
        getContent().setId("pytorch-code");
        getContent().getElement().setAttribute("tabindex", "0");
        getContent().getElement().setAttribute("role", "region");
        getContent().getElement().setAttribute("aria-label", getTranslation("lab.code.heading"));
    }

    void show(List<Line> lines, GradientStrategy strategy, boolean stepped) {
        List<Phase> ran = PyTorchCode.phasesOf(strategy, stepped);
        Phase last = ran.get(ran.size() - 1);
        getContent().removeAll();
        for (Line line : lines) {
            Div row = new Div();
            row.addClassName("gradlab-code-line");
            String text = line.text().isEmpty() ? " " : line.text();
            if (line.phase() != Phase.OTHER) {
                row.getElement().setAttribute("data-phase", line.phase().name().toLowerCase());
                if (line.phase() == last) {
                    row.addClassName("current");
                    Span mark = new Span("▶");
                    mark.addClassName("gradlab-code-mark");
                    mark.getElement().setAttribute("aria-hidden", "true");
                    row.add(mark);
                } else if (ran.contains(line.phase())) {
                    row.addClassName("ran");
                } else {
                    row.addClassName("skipped");
                }
            }
            row.add(new Span(text));
            getContent().add(row);
        }
    }
}
