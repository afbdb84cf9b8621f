package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;

/**
 * A few lines of Python, some of them marked: {@code good} lines (the point of the example) get the highlight and a
 * ▶, {@code bad} lines (the mistake) a warning colour and a ✗, so the mark is not carried by colour alone.
 */
final class CodeBlock extends Composite<Div> {

    enum Mark {
        GOOD,
        BAD
    }

    /** @param marks 0-based line index → how it is marked */
    CodeBlock(String id, String label, List<String> lines, Map<Integer, Mark> marks) {
        Div box = getContent();
        box.setId(id);
        box.addClassName("gradlab-code");
        box.getElement().setAttribute("tabindex", "0");
        box.getElement().setAttribute("role", "region");
        box.getElement().setAttribute("aria-label", label);
        for (int i = 0; i < lines.size(); i++) {
            Div row = new Div();
            row.addClassName("gradlab-code-line");
            Mark mark = marks.get(i);
            if (mark != null) {
                row.addClassName(mark == Mark.GOOD ? "current" : "gradlab-code-bad");
                Span sign = new Span(mark == Mark.GOOD ? "▶" : "✗");
                sign.addClassName("gradlab-code-mark");
                sign.getElement().setAttribute("aria-hidden", "true");
                row.add(sign);
            }
            row.add(new Span(lines.get(i).isEmpty() ? " " : lines.get(i)));
            box.add(row);
        }
    }
}
