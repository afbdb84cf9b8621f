package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradlab.lab.LabSettings;
import dev.gradlab.lab.LabSettings.Field;
import dev.gradlab.lab.LabSettings.Problem;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The Lab's live settings (issue 12, as in TensorFlow Playground): learning rate, batch size, epochs, the optimizer
 * and its parameters, and K of accumulate-K, each shown only where the scenario's kind has it. A change is checked by
 * the service ({@link Checker}); a refused value stays in its field, marked invalid with a message naming the limit,
 * and only accepted settings reach the listener. A Details, so a phone can fold it away.
 */
final class SettingsPanel extends Composite<Details> {

    /** The service's check of a candidate: null when it may be applied. */
    @FunctionalInterface
    interface Checker {
        @Nullable
        Problem check(LabSettings candidate, Field changed);
    }

    private final Scenario base;
    private final Checker checker;
    private final ToIntFunction<LabSettings> maxEpochs;
    private final Consumer<LabSettings> listener;
    private final Button reset = new Button();
    private final Span summary = new Span();
    /** The fields, built when the panel is first opened: a folded panel (on a phone) costs the session little. */
    private @Nullable Fields body;

    private LabSettings current;

    SettingsPanel(
            Scenario base,
            LabSettings current,
            Checker checker,
            ToIntFunction<LabSettings> maxEpochs,
            Consumer<LabSettings> listener) {
        this.base = base;
        this.current = current;
        this.checker = checker;
        this.maxEpochs = maxEpochs;
        this.listener = listener;
        Details details = getContent();
        details.setId("lab-settings");
        details.addClassName("gradlab-panel");
        summary.getStyle()
                .set("min-height", "44px")
                .set("display", "inline-flex")
                .set("align-items", "center");
        details.setSummary(summary);

        reset.setText(getTranslation("settings.reset"));
        reset.setId("settings-reset");
        reset.getStyle().set("--lumo-button-size", "44px");
        reset.addClickListener(e -> {
            if (body != null) {
                body.clearInvalid();
            }
            show(LabSettings.of(base));
            listener.accept(this.current);
        });

        details.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                build();
            }
        });
        show(current);
    }

    /** Builds the fields on the first opening, showing the current settings. */
    private void build() {
        if (body == null) {
            Fields f = new Fields();
            body = f;
            getContent().add(f);
            f.show(current);
        }
    }

    /** Opens or folds the panel (folded on phones, open on wider screens or when a setting differs). */
    void setOpened(boolean opened) {
        if (opened) {
            build();
        }
        getContent().setOpened(opened);
    }

    LabSettings current() {
        return current;
    }

    /** Shows {@code settings}: in the summary, and in every field once they are built. */
    void show(LabSettings settings) {
        current = settings;
        Fields f = body;
        if (f != null) {
            f.show(settings);
        }
        boolean changed = settings.differsFrom(base);
        summary.setText(getTranslation(changed ? "settings.heading.changed" : "settings.heading"));
        reset.setEnabled(changed);
    }

    /** The text of a problem in the page's language, with the limit behind it when there is one. */
    static String message(Component c, Problem p) {
        String text = c.getTranslation(p.key(), p.args().toArray());
        Problem cause = p.cause();
        return cause == null ? text : text + " " + message(c, cause);
    }

    /** The fields of the panel; a change is checked, and only accepted settings reach the listener. */
    private final class Fields extends Div {
        private final Map<Field, Component> fields = new EnumMap<>(Field.class);
        private final TextField learningRate = number(Field.LEARNING_RATE, "settings.lr");
        private final TextField batchSize = number(Field.BATCH_SIZE, "settings.batch");
        private final TextField epochs = number(Field.EPOCHS, "settings.epochs");
        private final TextField accumulation = number(Field.ACCUMULATION, "settings.k");
        private final Select<OptimizerSpec.Type> optimizer = new Select<>();
        private final TextField momentum = number(Field.MOMENTUM, "settings.momentum");
        private final TextField dampening = number(Field.DAMPENING, "settings.dampening");
        private final TextField weightDecay = number(Field.WEIGHT_DECAY, "settings.decay");
        private final Checkbox nesterov = new Checkbox();
        private final TextField beta1 = number(Field.BETA1, "settings.beta1");
        private final TextField beta2 = number(Field.BETA2, "settings.beta2");
        private final TextField eps = number(Field.EPS, "settings.eps");

        Fields() {
            optimizer.setLabel(getTranslation("settings.optimizer"));
            optimizer.setId("setting-optimizer");
            optimizer.setItems(OptimizerSpec.Type.values());
            optimizer.setItemLabelGenerator(t ->
                    getTranslation(t == OptimizerSpec.Type.SGD ? "settings.optimizer.sgd" : "settings.optimizer.adam"));
            touchSized(optimizer);
            fields.put(Field.OPTIMIZER, optimizer);
            optimizer.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    propose(
                            Field.OPTIMIZER,
                            SettingsPanel.this.current.withOptimizer(
                                    LabSettings.startingOptimizer(base, e.getValue())));
                }
            });
            nesterov.setLabel(getTranslation("settings.nesterov"));
            nesterov.setId("setting-nesterov");
            nesterov.getStyle()
                    .set("min-height", "44px")
                    .set("display", "inline-flex")
                    .set("align-items", "center");
            fields.put(Field.NESTEROV, nesterov);
            nesterov.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    LabSettings c = SettingsPanel.this.current;
                    propose(Field.NESTEROV, c.withOptimizer(c.optimizer().withNesterov(e.getValue())));
                }
            });
            Div grid = new Div();
            grid.addClassName("gradlab-settings");
            grid.getStyle()
                    .set("display", "grid")
                    // two columns on a 375 px phone, as many as fit on a desktop; each field its column's width
                    .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 9.5em), 1fr))")
                    .set("gap", "0 var(--lumo-space-m)")
                    .set("align-items", "start");
            grid.add(learningRate);
            if (base.batchSize() > 0) { // a manual scenario's batches are its given gradients; no data, no batches
                grid.add(batchSize);
            }
            grid.add(epochs);
            if (current.accumulation() > 0) {
                grid.add(accumulation);
            }
            grid.add(optimizer, momentum, dampening, weightDecay, nesterov, beta1, beta2, eps);
            if (base instanceof dev.gradlab.scenario.ModelScenario) {
                Paragraph note = new Paragraph(getTranslation("settings.model-note"));
                note.addClassName("gradlab-muted");
                add(note);
            }
            Div actions = new Div(reset);
            actions.getStyle().set("margin-top", "var(--lumo-space-s)");
            add(grid, actions);
        }

        void show(LabSettings settings) {
            learningRate.setValue(LabSettings.text(settings.learningRate()));
            batchSize.setValue(String.valueOf(settings.batchSize()));
            epochs.setValue(String.valueOf(settings.epochs()));
            accumulation.setValue(String.valueOf(settings.accumulation()));
            OptimizerSpec o = settings.optimizer();
            optimizer.setValue(o.type());
            momentum.setValue(LabSettings.text(o.momentum()));
            dampening.setValue(LabSettings.text(o.dampening()));
            weightDecay.setValue(LabSettings.text(o.weightDecay()));
            nesterov.setValue(o.nesterov());
            beta1.setValue(LabSettings.text(o.beta1()));
            beta2.setValue(LabSettings.text(o.beta2()));
            eps.setValue(LabSettings.text(o.eps()));
            boolean sgd = o.type() == OptimizerSpec.Type.SGD;
            for (Component c : List.of(momentum, dampening, nesterov)) {
                c.setVisible(sgd);
            }
            for (Component c : List.of(beta1, beta2, eps)) {
                c.setVisible(!sgd);
            }
            epochs.setHelperText(getTranslation("settings.epochs.helper", maxEpochs.applyAsInt(settings)));
        }

        private void propose(Field field, LabSettings candidate) {
            Problem problem = checker.check(candidate, field);
            Component shown = Objects.requireNonNull(fields.get(field), "every field is registered");
            if (problem != null) {
                markInvalid(shown, message(this, problem));
                return;
            }
            clearInvalid();
            SettingsPanel.this.show(candidate);
            listener.accept(candidate);
        }

        private TextField number(Field field, String labelKey) {
            TextField f = new TextField();
            f.setLabel(getTranslation(labelKey));
            f.setId("setting-" + LabUrl.parameter(field));
            f.getElement()
                    .setAttribute(
                            "inputmode",
                            field == Field.BATCH_SIZE || field == Field.EPOCHS || field == Field.ACCUMULATION
                                    ? "numeric"
                                    : "decimal");
            f.getElement().setAttribute("autocomplete", "off");
            f.setManualValidation(true); // the service decides, not the field's own constraints
            touchSized(f);
            fields.put(field, f);
            f.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    edited(field, f, e.getValue());
                }
            });
            return f;
        }

        private void edited(Field field, TextField f, String text) {
            boolean count = field == Field.BATCH_SIZE || field == Field.EPOCHS || field == Field.ACCUMULATION;
            LabSettings c = current;
            OptimizerSpec o = c.optimizer();
            if (count) {
                OptionalLong v = LabSettings.parseCount(text);
                if (v.isEmpty()) {
                    markInvalid(f, getTranslation("settings.error.count"));
                    return;
                }
                int n = (int) v.getAsLong();
                propose(
                        field,
                        switch (field) {
                            case BATCH_SIZE -> c.withBatchSize(n);
                            case EPOCHS -> c.withEpochs(n);
                            default -> c.withAccumulation(n);
                        });
                return;
            }
            OptionalDouble v = LabSettings.parseNumber(text);
            if (v.isEmpty()) {
                markInvalid(f, getTranslation("settings.error.number"));
                return;
            }
            double d = v.getAsDouble();
            LabSettings candidate = switch (field) {
                case LEARNING_RATE -> c.withLearningRate(d);
                case MOMENTUM -> c.withOptimizer(o.withMomentum(d));
                case DAMPENING -> c.withOptimizer(o.withDampening(d));
                case WEIGHT_DECAY -> c.withOptimizer(o.withWeightDecay(d));
                case BETA1 -> c.withOptimizer(o.withBeta1(d));
                case BETA2 -> c.withOptimizer(o.withBeta2(d));
                case EPS -> c.withOptimizer(o.withEps(d));
                default -> throw new IllegalArgumentException("not a decimal setting: " + field);
            };
            propose(field, candidate);
        }

        private void markInvalid(Component c, String message) {
            if (c instanceof HasValidation v) {
                v.setErrorMessage(message);
                v.setInvalid(true);
            } else if (c instanceof Checkbox box) {
                box.setHelperText(message);
            }
        }

        private void clearInvalid() {
            List<Component> all = new ArrayList<>(fields.values());
            for (Component c : all) {
                if (c instanceof HasValidation v) {
                    v.setInvalid(false);
                    v.setErrorMessage(null);
                } else if (c instanceof Checkbox box) {
                    box.setHelperText(null);
                }
            }
        }
    }

    private static void touchSized(Component c) {
        // Lumo's fields are 36 px high: 44 px is the smallest touch target the house allows
        c.getElement()
                .getStyle()
                .set("--lumo-text-field-size", "44px")
                .set("flex", "1 1 9em")
                .set("max-width", "16em");
    }
}
