package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plain HTML table in a box that scrolls sideways on its own, so a wide table never widens the page on a phone.
 * Plain markup (not a Grid) because these lesson tables are short, must print and screenshot in full, and give every
 * cell an id a test or a screen reader can find.
 */
final class SimpleTable extends Composite<Div> {

    private final Element table = new Element("table");
    private final Element body = new Element("tbody");

    SimpleTable(String id, String caption, List<String> headers) {
        // the caption sits outside the scrolling box, so it wraps with the page instead of being cut off
        Span cap = new Span(caption);
        cap.addClassName("gradlab-caption");
        cap.setId(id + "-caption");
        Div scroller = new Div();
        scroller.addClassName("gradlab-simple-table");
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-labelledby", id + "-caption");
        getContent().add(cap, scroller);
        table.setAttribute("id", id);
        table.setAttribute("aria-labelledby", id + "-caption");
        Element head = new Element("thead");
        Element row = new Element("tr");
        for (String h : headers) {
            row.appendChild(new Element("th").setAttribute("scope", "col").setText(h));
        }
        head.appendChild(row);
        table.appendChild(head, body);
        scroller.getElement().appendChild(table);
    }

    void clear() {
        body.removeAllChildren();
    }

    /** Adds a row; the first cell is a row header. {@code cellIds} (optional) names each cell for tests. */
    Element addRow(List<String> cells, @Nullable List<String> cellIds, @Nullable String rowClass) {
        Element row = new Element("tr");
        if (rowClass != null) {
            row.setAttribute("class", rowClass);
        }
        for (int i = 0; i < cells.size(); i++) {
            Element cell = new Element(i == 0 ? "th" : "td").setText(cells.get(i));
            if (i == 0) {
                cell.setAttribute("scope", "row");
            }
            if (cellIds != null && cellIds.get(i) != null) {
                cell.setAttribute("id", cellIds.get(i));
            }
            row.appendChild(cell);
        }
        body.appendChild(row);
        return row;
    }
}
