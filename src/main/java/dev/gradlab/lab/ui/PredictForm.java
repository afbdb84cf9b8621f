package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.ui.Prediction.Quantity;
import dev.gradlab.lab.ui.Prediction.Target;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The question of "predict first" and its answers: what to predict (strategy, parameter element, value or
 * {@code .grad}), a number field where Enter checks, Check and Skip; then the result (announced to screen readers)
 * and this session's list of guesses against the truth.
 */
final class PredictForm extends Composite<Div> {

    /** A select of thousands of elements helps nobody; the tables still show every value. */
    static final int MAX_ELEMENTS = 200;

    private final Select<GradientStrategy> strategy = new Select<>();
    private final Select<Target> element = new Select<>();
    private final Select<Quantity> quantity = new Select<>();
    private final Paragraph question = new Paragraph();
    private final Paragraph before = new Paragraph();
    private final NumberField guess = new NumberField();
    private final Div asking = new Div();
    private final Paragraph hint = new Paragraph();
    private final Div result = new Div();
    private final SimpleTable list;
    private final Runnable onChoice;
    private int asked;
    private @Nullable GradientStrategy wantedStrategy;
    private @Nullable Target wantedElement;

    /** {@code onCheck} gets the guess (null: skipped); {@code onChoice} runs when the student picks another value. */
    PredictForm(Consumer<@Nullable Double> onCheck, Runnable onChoice) {
        this.onChoice = onChoice;
        strategy.setLabel(getTranslation("predict.strategy"));
        strategy.setId("predict-strategy");
        strategy.setItemLabelGenerator(s -> StrategyText.label(this, s));
        element.setLabel(getTranslation("predict.element"));
        element.setId("predict-element");
        element.setItemLabelGenerator(t -> t.param() + t.suffix());
        quantity.setLabel(getTranslation("predict.quantity"));
        quantity.setId("predict-quantity");
        quantity.setItems(Quantity.values());
        quantity.setItemLabelGenerator(
                q -> getTranslation(q == Quantity.VALUE ? "predict.quantity.value" : "predict.quantity.grad"));
        quantity.setValue(Quantity.VALUE);
        for (Select<?> s : List.of(strategy, element, quantity)) {
            s.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    onChoice.run();
                }
            });
        }
        Div choices = new Div(strategy, element, quantity);
        choices.addClassName("gradlab-predict-row");
        Details choose = new Details(getTranslation("predict.choose"), choices);
        choose.setId("predict-choose");

        guess.setLabel(getTranslation("predict.guess"));
        guess.setId("predict-guess");
        guess.setValueChangeMode(ValueChangeMode.EAGER); // Enter checks the number just typed, not the one before
        guess.setErrorMessage(getTranslation("predict.empty"));
        guess.getElement().setAttribute("inputmode", "decimal");
        Button check = new Button(getTranslation("predict.check"), e -> {
            Double value = guess.getValue();
            if (value == null || value.isNaN() || value.isInfinite()) {
                guess.setInvalid(true);
                guess.focus();
                return;
            }
            guess.setInvalid(false);
            onCheck.accept(value);
        });
        check.setId("predict-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER).listenOn(guess);
        Button skip = new Button(getTranslation("predict.skip"), e -> {
            guess.setInvalid(false);
            onCheck.accept(null);
        });
        skip.setId("predict-skip");
        Div answer = new Div(guess, check, skip);
        answer.addClassName("gradlab-predict-row");
        question.setId("predict-question");
        question.addClassName("gradlab-predict-question");
        before.setId("predict-before");
        before.addClassName("gradlab-muted");
        asking.add(question, before, answer);
        asking.setId("predict-asking");

        hint.setId("predict-hint");
        hint.addClassName("gradlab-muted");
        result.setId("predict-result");
        result.addClassName("gradlab-predict-result");
        // present from the start (empty), so screen readers announce each result as it is written into it
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        list = new SimpleTable(
                "predict-list",
                getTranslation("predict.list"),
                List.of(
                        getTranslation("predict.list.step"),
                        getTranslation("predict.strategy"),
                        getTranslation("predict.list.value"),
                        getTranslation("predict.guess"),
                        getTranslation("predict.list.truth"),
                        getTranslation("predict.list.result")));
        list.setId("predict-list-box");
        list.setVisible(false);
        getContent().add(asking, hint, choose, result, list);
    }

    /** The strategies and parameter elements of a new run; a choice still on offer is kept. */
    void setChoices(RunResult run) {
        GradientStrategy s = strategy.getValue();
        List<GradientStrategy> strategies =
                run.runs().stream().map(r -> r.strategy()).toList();
        strategy.setItems(strategies);
        strategy.setValue(pick(strategies, s, wantedStrategy));
        Target t = element.getValue();
        List<Target> elements = elements(run.params());
        element.setItems(elements);
        if (!elements.isEmpty()) {
            element.setValue(pick(elements, t, wantedElement));
        }
        wantedStrategy = null;
        wantedElement = null;
    }

    /** The current choice if still on offer, else the one asked for, else the first. */
    private static <T> T pick(List<T> offered, @Nullable T current, @Nullable T wanted) {
        if (current != null && offered.contains(current)) {
            return current;
        }
        return wanted != null && offered.contains(wanted) ? wanted : offered.get(0);
    }

    /** Restores a choice (after a language switch) for the next {@link #setChoices}, if that run offers it. */
    void choose(GradientStrategy s, Target t) {
        wantedStrategy = s;
        wantedElement = t.with(Quantity.VALUE);
        quantity.setValue(t.quantity());
    }

    static List<Target> elements(Map<String, TensorData> params) {
        List<Target> all = new ArrayList<>();
        params.forEach((name, tensor) -> {
            for (int i = 0; i < tensor.numel() && all.size() < MAX_ELEMENTS; i++) {
                all.add(new Target(name, i, Target.suffix(tensor.shape(), i), Quantity.VALUE));
            }
        });
        return all;
    }

    GradientStrategy strategy() {
        return strategy.getValue();
    }

    /** What the student predicts; null when the scenario has no parameters. */
    @Nullable
    Target target() {
        Target t = element.getValue();
        return t == null ? null : t.with(quantity.getValue());
    }

    /**
     * Asks for step {@code step}; {@code now} is the chosen parameter element's value before it. {@code focus} moves
     * the keyboard focus (and a phone's screen) to the field when the student has just stepped.
     */
    void ask(int step, @Nullable Double now, boolean focus) {
        Target t = target();
        if (t == null) {
            return;
        }
        boolean again = asked == step;
        asked = step;
        question.setText(getTranslation(
                t.quantity() == Quantity.VALUE ? "predict.question.value" : "predict.question.grad",
                step,
                StrategyText.label(this, strategy()),
                t.name()));
        before.setText(getTranslation("predict.before", t.param() + t.suffix(), number(now)));
        if (!again) {
            guess.clear();
            guess.setInvalid(false);
        }
        asking.setVisible(true);
        hint.setVisible(false);
        if (focus && !again) {
            guess.focus();
        }
    }

    /** Nothing is asked: {@code next} is the step a step forward would ask for, 0 when every step is revealed. */
    void idle(int next) {
        asked = 0;
        asking.setVisible(false);
        hint.setVisible(true);
        hint.setText(next == 0 ? getTranslation("predict.hint.end") : getTranslation("predict.hint.next", next));
    }

    /** Says how the last guess went (announced) and lists every guess of the session. */
    void showResult(@Nullable Prediction last, List<Prediction> made) {
        result.removeClassNames("right", "wrong");
        if (last == null) {
            result.setText("");
        } else {
            result.setText(sentence(last));
            if (!last.skipped()) {
                result.addClassName(last.right() ? "right" : "wrong");
            }
        }
        list.clear();
        for (int i = 0; i < made.size(); i++) {
            Prediction p = made.get(i);
            String id = "predict-" + (i + 1) + "-";
            list.addRow(
                    List.of(
                            String.valueOf(p.step()),
                            StrategyText.label(this, p.strategy()),
                            p.target().name(),
                            p.guess() == null ? "—" : number(p.guess()),
                            number(p.truth()),
                            verdict(p)),
                    List.of(id + "step", id + "strategy", id + "value", id + "guess", id + "truth", id + "result"),
                    p.skipped() ? "skipped" : p.right() ? "right" : "wrong");
        }
        list.setVisible(!made.isEmpty());
    }

    private String sentence(Prediction p) {
        String strategyName = StrategyText.label(this, p.strategy());
        Object[] args = {p.step(), strategyName, p.target().name(), number(p.guess()), number(p.truth()), off(p)};
        if (p.skipped()) {
            return getTranslation("predict.result.skipped", args);
        }
        if (p.truth() == null || !Double.isFinite(p.truth())) {
            return getTranslation("predict.result.no-value", args);
        }
        return getTranslation(p.right() ? "predict.result.right" : "predict.result.wrong", args);
    }

    private String verdict(Prediction p) {
        if (p.skipped()) {
            return getTranslation("predict.verdict.skipped");
        }
        if (p.right()) {
            return getTranslation("predict.verdict.right");
        }
        return p.truth() == null || !Double.isFinite(p.truth())
                ? getTranslation("predict.verdict.no-value")
                : getTranslation("predict.verdict.wrong", off(p));
    }

    private String off(Prediction p) {
        Double g = p.guess();
        Double t = p.truth();
        return g == null || t == null ? "" : number(Math.abs(g - t));
    }

    private String number(@Nullable Double v) {
        return Numbers.formatOrNone(v, getLocale());
    }
}
