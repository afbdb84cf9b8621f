package dev.gradlab.authoring.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The YAML source: a monospace text area without line wrapping, with line numbers beside it; the line a problem names
 * is marked in the numbers and the message is the field's error. Typing reports the text after a pause
 * ({@link ValueChangeMode#LAZY}).
 */
final class YamlPane extends Composite<Div> {

    private final TextArea area = new TextArea();
    private final Div gutter = new Div();
    private @Nullable Integer errorLine;

    YamlPane(Consumer<String> onTyped) {
        Div box = getContent();
        box.addClassName("gradlab-yaml-pane");
        area.setLabel(getTranslation("editor.yaml"));
        area.setId("yaml");
        area.addClassName("gradlab-yaml");
        area.setWidthFull();
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.setValueChangeTimeout(600);
        area.getElement().setAttribute("spellcheck", "false");
        gutter.addClassName("gradlab-gutter");
        gutter.getElement().setAttribute("aria-hidden", "true");
        area.setPrefixComponent(gutter);
        area.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                renumber();
                onTyped.accept(e.getValue());
            }
        });
        box.add(area);
    }

    String text() {
        return area.getValue();
    }

    void setText(String text) {
        area.setValue(text);
        renumber();
    }

    /** Shows {@code message} as the pane's error, marking {@code line} (1-based) when known; null clears it. */
    void setProblem(@Nullable String message, @Nullable Integer line) {
        area.setInvalid(message != null);
        area.setErrorMessage(message);
        errorLine = line;
        renumber();
    }

    private void renumber() {
        long lines =
                Math.min(50_000, area.getValue().chars().filter(c -> c == '\n').count() + 1);
        StringBuilder html = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            html.append(errorLine != null && errorLine == i ? "<span class=\"error\">" : "<span>")
                    .append(i)
                    .append("</span>");
        }
        gutter.getElement().setProperty("innerHTML", html.toString());
    }
}
