package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/** One numbered part of a lesson page: an id for links and tests, and the shared section style. */
final class LessonSection {

    private LessonSection() {}

    static Div of(String id, Component... children) {
        Div div = new Div(children);
        div.setId(id);
        div.addClassName("gradlab-section");
        return div;
    }
}
