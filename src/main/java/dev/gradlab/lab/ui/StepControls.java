package dev.gradlab.lab.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * First / back / forward / last, play and pause with a speed, reset, a step field and a scrubber. Play is a UI poll
 * (the browser asks for the next step), so it needs no server thread and stops by itself when the view goes away.
 */
final class StepControls extends Composite<Div> {

    private static final List<Integer> SPEEDS = List.of(2000, 1000, 300);

    private final IntConsumer onStep;
    private final IntegerField field = new IntegerField();
    private final Input scrubber = new Input(ValueChangeMode.ON_CHANGE);
    private final Button play = new Button();
    private final Select<Integer> speed = new Select<>();
    private final Span info = new Span();
    private final Button forward;
    private @Nullable Registration poll;
    private int step = 1;
    private int first = 1;
    private int last = 1;

    StepControls(IntConsumer onStep) {
        this.onStep = onStep;
        Button toFirst = iconButton(VaadinIcon.STEP_BACKWARD, "lab.first", "step-first", () -> go(first));
        Button back = iconButton(VaadinIcon.ANGLE_LEFT, "lab.back", "step-back", () -> go(step - 1));
        forward = iconButton(VaadinIcon.ANGLE_RIGHT, "lab.forward", "step-forward", () -> go(step + 1));
        Button end = iconButton(VaadinIcon.STEP_FORWARD, "lab.last", "step-last", () -> go(last));
        play.setId("play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> {
            if (poll == null) {
                start();
            } else {
                stop();
            }
        });
        Button reset = new Button(getTranslation("lab.reset"), e -> {
            stop();
            go(first);
        });
        reset.setId("step-reset");
        // Alt+Shift, because Alt+← / Alt+→ alone are the browser's back and forward, and a plain key would also
        // fire while a student types into the step field.
        shortcut(back, Key.ARROW_LEFT, "Alt+Shift+ArrowLeft");
        shortcut(forward, Key.ARROW_RIGHT, "Alt+Shift+ArrowRight");
        shortcut(play, Key.KEY_P, "Alt+Shift+P");
        Span keys = new Span(getTranslation("lab.shortcuts"));
        keys.setId("step-shortcuts");
        keys.addClassName("gradlab-shortcuts");

        speed.setItems(SPEEDS);
        speed.setItemLabelGenerator(ms ->
                getTranslation(ms >= 2000 ? "lab.speed.slow" : ms >= 1000 ? "lab.speed.normal" : "lab.speed.fast"));
        speed.setValue(1000);
        speed.setLabel(getTranslation("lab.speed"));
        speed.setId("speed");
        speed.addValueChangeListener(e -> {
            if (poll != null) {
                UI.getCurrent().setPollInterval(e.getValue());
            }
        });

        field.setLabel(getTranslation("lab.step"));
        field.setStepButtonsVisible(true);
        field.setId("step-field");
        field.setWidth("9em");
        field.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(e.getValue());
            }
        });
        scrubber.setType("range");
        scrubber.setId("scrubber");
        scrubber.addClassName("gradlab-scrubber");
        scrubber.getElement().setAttribute("aria-label", getTranslation("lab.step"));
        scrubber.getElement().setAttribute("min", "1");
        scrubber.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                try {
                    go(Integer.parseInt(e.getValue()));
                } catch (NumberFormatException ignored) {
                    // a range input only sends numbers; anything else is ignored
                }
            }
        });
        info.setId("step-info");
        info.getElement().setAttribute("aria-live", "polite");

        Div buttons = new Div(toFirst, back, play, forward, end, reset);
        buttons.addClassName("gradlab-step-buttons");
        Div fields = new Div(field, speed);
        fields.addClassName("gradlab-step-fields");
        getContent().addClassName("gradlab-step-controls");
        getContent().add(buttons, fields, scrubber, info, keys);
        updatePlayButton();
    }

    /** Sets the number of steps and the current one, without firing {@code onStep}. */
    void setRange(int steps) {
        last = Math.max(1, steps);
        field.setMin(first);
        field.setMax(last);
        scrubber.getElement().setAttribute("max", String.valueOf(last));
    }

    /** The first step: 1, or 0 (the start, before the first batch) while the student predicts first. */
    void setFirst(int first) {
        this.first = first;
        field.setMin(first);
        scrubber.getElement().setAttribute("min", String.valueOf(first));
    }

    /** After a reveal the keyboard is where the next step is. */
    void focusForward() {
        forward.focus();
    }

    void show(int step, String infoText) {
        this.step = step;
        field.setValue(step);
        scrubber.setValue(String.valueOf(step));
        info.setText(infoText);
    }

    private void go(int target) {
        int clamped = Math.max(first, Math.min(last, target));
        if (clamped != step || target == first) {
            onStep.accept(clamped);
        } else {
            field.setValue(step); // typed out of range: put the real step back
        }
    }

    private void start() {
        if (step >= last) {
            onStep.accept(first);
        }
        UI ui = UI.getCurrent();
        ui.setPollInterval(speed.getValue());
        poll = ui.addPollListener(e -> {
            if (step >= last) {
                stop();
            } else {
                onStep.accept(step + 1);
            }
        });
        updatePlayButton();
    }

    void stop() {
        if (poll != null) {
            poll.remove();
            poll = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
        updatePlayButton();
    }

    private void updatePlayButton() {
        boolean playing = poll != null;
        play.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        play.setText(getTranslation(playing ? "lab.pause" : "lab.play"));
    }

    private static void shortcut(Button button, Key key, String announced) {
        button.addClickShortcut(key, KeyModifier.ALT, KeyModifier.SHIFT);
        button.getElement().setAttribute("aria-keyshortcuts", announced);
    }

    private Button iconButton(VaadinIcon icon, String key, String id, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.setAriaLabel(getTranslation(key));
        b.setTooltipText(getTranslation(key));
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_ICON);
        return b;
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stop();
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        updatePlayButton();
    }
}
