package dev.gradlab.lab.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradlab.engine.GraphView;
import dev.gradlab.lab.RunFacts;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.lab.ui.Prediction.Target;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The Lab's "predict first" mode for a student alone. On, a step forward does not show the new step: the student
 * first predicts one of its numbers (or skips), and until then the step tables, the charts and the graph stay at the
 * last revealed step. Step 0 is the start, before the first batch. The Lab hands it the tables and charts, so what
 * they may show is decided here, and the view only asks {@link #seen} for its graph.
 */
@StyleSheet("context://styles/predict.css")
final class PredictFirst extends Composite<Div> {

    /** The graph before anything is revealed: the first batch's would show the .grad values being predicted. */
    static final GraphView NO_GRAPH = new GraphView(List.of(), List.of());

    /** What a language switch (which re-creates the view) must not lose. */
    private record Memory(
            String path,
            boolean on,
            int revealed,
            List<Prediction> made,
            @Nullable GradientStrategy strategy,
            @Nullable Target target) {}

    private final StepControls controls;
    private final StepTables tables;
    private final RunCharts charts;
    private final IntConsumer onStep;
    private final Checkbox toggle = new Checkbox();
    private final Paragraph intro = new Paragraph();
    private final Button again = new Button();
    /** Built when the mode is first turned on: most visits never predict, and the form costs the session memory. */
    private @Nullable PredictForm form;

    private final Div body = new Div();
    private final List<Prediction> made = new ArrayList<>();

    private @Nullable RunResult result;
    private String path = "";
    private boolean on;
    /** Steps 1 to {@code revealed} may be shown while the mode is on. */
    private int revealed;
    /** The step waiting for a guess, or 0. */
    private int asked;

    private int step = 1;
    /** How many steps the charts were last drawn with (null: all), and whether they are out of date. */
    private @Nullable Integer chartSteps;

    private boolean chartsStale = true;
    private boolean rendered;

    /** {@code onStep} moves the Lab to a step (the mode calls it when switched, and after each reveal). */
    PredictFirst(StepControls controls, StepTables tables, RunCharts charts, IntConsumer onStep) {
        this.controls = controls;
        this.tables = tables;
        this.charts = charts;
        this.onStep = onStep;
        toggle.setLabel(getTranslation("predict.toggle"));
        toggle.setId("predict-toggle");
        toggle.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setOn(e.getValue());
            }
        });
        intro.setText(getTranslation("predict.intro"));
        intro.addClassName("gradlab-muted");
        intro.setId("predict-intro");
        again.setText(getTranslation("predict.again"));
        again.setId("predict-again");
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        again.addClickListener(e -> {
            revealed = 0;
            onStep.accept(0);
        });
        body.add(again);
        getContent().addClassName("gradlab-predict");
        getContent().setId("predict-first");
        getContent().add(toggle, intro, body);
        body.setVisible(false);
    }

    /** Entering from a link: {@code predict=1} turns the mode on with the steps before {@code step} revealed. */
    void open(String path, boolean on, int step) {
        boolean same = path.equals(this.path);
        if (!same) {
            made.clear();
            if (form != null) {
                form.showResult(null, made);
            }
        }
        if (on && !(same && this.on)) {
            revealed = Math.max(0, step - 1);
        }
        this.path = path;
        setMode(on);
    }

    /** After a language switch: the mode, what was revealed, the guesses and the choice, if this is the same page. */
    void restore(UI ui, String path) {
        this.path = path;
        Memory m = ComponentUtil.getData(ui, Memory.class);
        if (m == null || !m.path().equals(path)) {
            return;
        }
        revealed = m.revealed();
        made.clear();
        made.addAll(m.made());
        PredictForm f = form();
        f.showResult(null, made);
        if (m.strategy() != null && m.target() != null) {
            f.choose(m.strategy(), m.target());
        }
        setMode(m.on());
    }

    boolean isOn() {
        return on;
    }

    /** The step the page may show for {@code step}: the last revealed one while predicting, else {@code step}. */
    int seen(int step) {
        return on ? Math.min(step, revealed) : step;
    }

    /** A new run (another scenario or strategy choice): the tables and charts are rebuilt for it. */
    void show(RunResult run, int step) {
        result = run;
        tables.show(run, step);
        chartsStale = true;
        if (form != null) {
            form.setChoices(run);
        }
    }

    /**
     * The Lab is at {@code step}: a step beyond the revealed ones is asked for (the ones skipped over on the way are
     * revealed), and the tables and charts show what has been revealed.
     */
    void setCurrent(int step) {
        this.step = step;
        RunResult run = result;
        if (run == null) {
            return;
        }
        asked = 0;
        if (on && step > revealed) {
            revealed = step - 1;
            asked = step;
            controls.stop(); // play pauses at every step to predict
        }
        int seen = seen(step);
        tables.showUpTo(on ? revealed : null);
        tables.setCurrent(seen == 0 ? null : seen);
        Integer steps = on ? Integer.valueOf(revealed) : null;
        if (chartsStale || !Objects.equals(steps, chartSteps)) {
            charts.show(steps == null ? run : upTo(run, steps), seen);
            chartSteps = steps;
            chartsStale = false;
        } else {
            charts.setCurrent(seen);
        }
        ask();
        rendered = true;
        save();
    }

    private void setMode(boolean on) {
        if (on) {
            form();
        }
        this.on = on;
        toggle.setValue(on);
        body.setVisible(on);
        intro.setVisible(!on); // on, the hint and the question say it, and a phone needs the room
        controls.setFirst(on ? 0 : 1);
    }

    private void setOn(boolean on) {
        setMode(on);
        if (on) {
            // the step shown so far stays, the next one is asked for: "step forward" now means "predict"
            revealed = Math.max(0, step - 1);
            onStep.accept(revealed);
        } else {
            onStep.accept(Math.max(1, step));
        }
    }

    /** Shows the question for the asked step, or what a step forward would do. */
    private void ask() {
        RunResult run = result;
        if (run == null || !on) {
            return;
        }
        PredictForm f = form();
        Target t = f.target();
        if (asked == 0 || t == null) {
            f.idle(revealed >= steps(run) ? 0 : revealed + 1);
            again.setVisible(revealed > 0);
            return;
        }
        again.setVisible(false);
        f.ask(asked, before(run, f.strategy(), t, asked), rendered);
        save();
    }

    /** Check (a guess) or Skip (null): the asked step is revealed, the guess listed against the truth. */
    private void reveal(@Nullable Double guess) {
        RunResult run = result;
        PredictForm f = form();
        Target t = f.target();
        if (run == null || asked == 0 || t == null) {
            return;
        }
        GradientStrategy s = f.strategy();
        int at = asked;
        Prediction p = new Prediction(at, s, t, guess, t.in(record(run, s, at)));
        made.add(p);
        revealed = at;
        f.showResult(p, made);
        onStep.accept(at);
        controls.focusForward();
    }

    /** The form, built on first use with the run's choices and the guesses made so far. */
    private PredictForm form() {
        PredictForm f = form;
        if (f == null) {
            f = new PredictForm(this::reveal, this::ask);
            form = f;
            body.addComponentAsFirst(f);
            RunResult run = result;
            if (run != null) {
                f.setChoices(run);
            }
            f.showResult(null, made);
        }
        return f;
    }

    /** The chosen element's value before step {@code step} (the start for step 1). */
    private static @Nullable Double before(RunResult run, GradientStrategy s, Target t, int step) {
        if (step > 1) {
            return t.with(Prediction.Quantity.VALUE).in(record(run, s, step - 1));
        }
        TensorData initial = run.params().get(t.param());
        return initial == null ? null : initial.data()[t.index()];
    }

    private static StepRecord record(RunResult run, GradientStrategy s, int step) {
        return RunFacts.run(run, s).steps().get(step - 1);
    }

    private static int steps(RunResult run) {
        return run.runs().isEmpty() ? 0 : run.runs().get(0).steps().size();
    }

    /** The run as far as step {@code steps}: what the charts may draw while later steps are hidden. */
    static RunResult upTo(RunResult run, int steps) {
        List<StrategyRun> runs = new ArrayList<>();
        for (StrategyRun r : run.runs()) {
            int n = Math.min(steps, r.steps().size());
            Integer diverged = r.diverged() != null && r.diverged() <= n ? r.diverged() : null;
            runs.add(new StrategyRun(r.strategy(), r.steps().subList(0, n), diverged));
        }
        return new RunResult(run.scenario(), runs);
    }

    private void save() {
        UI ui = UI.getCurrent();
        if (ui != null && !path.isEmpty()) {
            PredictForm f = form;
            GradientStrategy s = result == null || f == null ? null : f.strategy();
            Target t = f == null ? null : f.target();
            ComponentUtil.setData(ui, Memory.class, new Memory(path, on, revealed, List.copyOf(made), s, t));
        }
    }
}
