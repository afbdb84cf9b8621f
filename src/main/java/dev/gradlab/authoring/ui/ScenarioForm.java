package dev.gradlab.authoring.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The editor's form: one labelled field per {@link FormField}, only those of the chosen kind shown. It holds texts,
 * not a scenario: what they mean is decided by the parser, whose messages are shown at the field they name.
 */
final class ScenarioForm extends Composite<Div> {

    private final Map<FormField, AbstractField<?, String>> fields = new EnumMap<>(FormField.class);
    private final Runnable onChange;

    ScenarioForm(Runnable onChange) {
        this.onChange = onChange;
        Div box = getContent();
        box.addClassName("gradlab-form");
        box.setId("scenario-form");
        for (FormField f : FormField.values()) {
            AbstractField<?, String> c = create(f);
            ((Component) c).setId("field-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            c.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    if (f == FormField.KIND) {
                        showKind();
                    }
                    onChange.run();
                }
            });
            fields.put(f, c);
            box.add((Component) c);
        }
        showKind();
    }

    private AbstractField<?, String> create(FormField f) {
        String label = getTranslation(labelKey(f));
        return switch (f) {
            case KIND -> select(label, "manual", "expression", "model");
            case OPTIMIZER -> select(label, "", "sgd", "adam");
            case ACTIVATION -> select(label, "", "relu", "tanh", "sigmoid");
            case DATASET -> select(label, "spiral", "xor", "circle", "gaussian", "fashion-mnist", "mnist");
            case DESCRIPTION_EN, DESCRIPTION_ZH, PARAMS, GRADIENTS, DATA -> {
                TextArea a = new TextArea(label);
                a.setValueChangeMode(ValueChangeMode.LAZY);
                a.setValueChangeTimeout(600);
                a.setWidthFull();
                if (f.shape() == FormField.Shape.BLOCK) {
                    a.addClassName("gradlab-mono");
                    a.setHelperText(getTranslation(helpKey(f)));
                }
                yield a;
            }
            default -> {
                TextField t = new TextField(label);
                t.setValueChangeMode(ValueChangeMode.LAZY);
                t.setValueChangeTimeout(600);
                t.setWidthFull();
                if (f == FormField.LOSS || f == FormField.STRATEGIES || f == FormField.LAYERS) {
                    t.addClassName("gradlab-mono");
                }
                if (f == FormField.STRATEGIES || f == FormField.LAYERS || f == FormField.LOSS) {
                    t.setHelperText(getTranslation(helpKey(f)));
                }
                yield t;
            }
        };
    }

    /** {@code editor.field.<name>}: the field's label, in both translation files. */
    static String labelKey(FormField f) {
        return "editor.field." + f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code editor.help.<name>}: the help line of the fields that take YAML. */
    static String helpKey(FormField f) {
        return "editor.help." + f.name().toLowerCase(Locale.ROOT);
    }

    private static Select<String> select(String label, String... items) {
        Select<String> s = new Select<>();
        s.setLabel(label);
        s.setItems(items);
        s.setItemLabelGenerator(v -> v.isEmpty() ? "—" : v);
        s.setWidthFull();
        return s;
    }

    /** The form's texts, by field. */
    Map<FormField, String> values() {
        Map<FormField, String> out = new EnumMap<>(FormField.class);
        fields.forEach((f, c) -> out.put(f, Objects.requireNonNullElse(c.getValue(), "")));
        return out;
    }

    /** Fills every field (not as the user's change: no event goes back to the editor). */
    void fill(Map<FormField, String> values) {
        values.forEach((f, v) -> {
            AbstractField<?, String> c = field(f);
            if (c instanceof Select<?> any) {
                @SuppressWarnings("unchecked")
                Select<String> s = (Select<String>) any;
                List<String> items =
                        new ArrayList<>(s.getListDataView().getItems().toList());
                if (!items.contains(v)) {
                    items.add(v); // a value the file has but the list does not: shown, and the parser says why
                    s.setItems(items);
                }
            }
            c.setValue(v);
        });
        showKind();
    }

    /** Marks {@code field} with {@code message}; null clears every mark. */
    void mark(FormField field, String message) {
        HasValidation v = (HasValidation) field(field);
        v.setErrorMessage(message);
        v.setInvalid(true);
    }

    void clearMarks() {
        fields.values().forEach(c -> ((HasValidation) c).setInvalid(false));
    }

    private AbstractField<?, String> field(FormField f) {
        return Objects.requireNonNull(fields.get(f), "every form field is created in the constructor");
    }

    private void showKind() {
        String kind = Objects.requireNonNullElse(field(FormField.KIND).getValue(), "");
        fields.forEach((f, c) -> ((Component) c).setVisible(f.inKind(kind)));
    }
}
