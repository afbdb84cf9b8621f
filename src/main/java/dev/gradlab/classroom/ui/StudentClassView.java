package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.base.ui.steptable.StepRow;
import dev.gradlab.base.ui.steptable.StepTable;
import dev.gradlab.classroom.ClassException;
import dev.gradlab.classroom.ClassService;
import dev.gradlab.classroom.Pace;
import dev.gradlab.classroom.QuestionKind;
import dev.gradlab.classroom.events.ClassEvents;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.lab.ui.RunCharts;
import dev.gradlab.scenario.GradientStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code /class/{code}}: a student's class page. It re-reads the class from the database whenever a class event
 * arrives (from any replica) and shows the step, the questions and the step tables up to the step the class is at,
 * holding back the rows an open number question asks about.
 */
@Route("class/:code")
@AnonymousAllowed
public class StudentClassView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClassService classes;
    private String code = "";
    /** The step tables shown, one per strategy of {@link #tableStrategies}, updated in place from step to step. */
    private final List<StepTable> stepTables = new ArrayList<>();

    private List<GradientStrategy> tableStrategies = List.of();
    private String token = "";
    private final H2 title = new H2();
    private final Span step = new Span();
    private final Div status = new Div();
    private final HorizontalLayout stepButtons = new HorizontalLayout();
    private final Div questions = new Div();
    private final Div tables = new Div();
    /** The Lab's charts of the run, cut at the step the class may see (a question's step stays hidden). */
    private final RunCharts charts = new RunCharts();
    /** The open questions' fields, by question id, and what they held before the last rebuild. */
    private final Map<Long, TextField> typed = new HashMap<>();

    private final Map<Long, RadioButtonGroup<Integer>> chosen = new HashMap<>();
    private final Map<Long, String> drafts = new HashMap<>();

    public StudentClassView(ClassService classes, ClassEvents events) {
        this.classes = classes;
        ClassEventRefresh.install(
                this,
                events,
                () -> token.isEmpty() ? "" : code,
                StudentClassView::changesWhatStudentsSee,
                this::refresh);
        addClassName("gradlab-class");
        ClassStyles.touchTargets(this);
        step.setId("class-step");
        step.getElement().setAttribute("aria-live", "polite");
        step.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        status.setId("class-status");
        status.getElement().setAttribute("role", "status");
        questions.setId("class-questions");
        questions.setWidthFull();
        tables.setId("class-tables");
        tables.setWidthFull();
        charts.setId("class-charts");
        charts.getElement().getStyle().set("width", "100%");
        add(title, step, stepButtons, status, questions, tables, charts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("").toUpperCase(java.util.Locale.ROOT);
        String t = StudentTokens.get(code);
        if (t == null || !classes.isStudent(code, t)) {
            event.forwardTo("join/" + code);
            return;
        }
        token = t;
        // keep the session copy: a cookie-only return (a new session) is remembered again
        com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute("gl-class-" + code, t);
        refresh();
    }

    /**
     * Whether a class event changes what every student sees: the instructor's step, a new question, a reveal, the
     * end. Another student joining, answering or stepping alone does not; re-reading on those made every answer
     * rebuild every student's page (a class of 100 answering one question: 10,000 rebuilds), and wiped a prediction
     * a student was typing whenever a classmate joined or answered.
     */
    static boolean changesWhatStudentsSee(String payload) {
        return payload.equals("step")
                || payload.equals("question")
                || payload.equals("end")
                || payload.startsWith("reveal:");
    }

    private void refresh() {
        ClassService.StudentPage page;
        try {
            page = classes.page(code, token);
        } catch (ClassException e) {
            status.setText(ClassMessages.refusal(this, e));
            return;
        }
        title.setText(page.scenario().title().in(getLocale()));
        step.setText(getTranslation("class.step", page.step(), page.totalSteps()));
        status.setText(page.over() ? getTranslation("class.ended") : "");
        showStepButtons(page);
        showQuestions(page);
        showTables(page);
    }

    private void showStepButtons(ClassService.StudentPage page) {
        stepButtons.removeAll();
        if (page.pace() != Pace.STUDENT || page.over()) {
            return;
        }
        Button previous = new Button(getTranslation("class.step.previous"), e -> move(page.step() - 1));
        Button next = new Button(getTranslation("class.step.next"), e -> move(page.step() + 1));
        previous.setEnabled(page.step() > 0);
        next.setEnabled(page.step() < page.totalSteps());
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stepButtons.add(previous, next);
    }

    private void move(int to) {
        try {
            classes.studentStep(code, token, to);
        } catch (ClassException e) {
            status.setText(ClassMessages.refusal(this, e));
        }
        refresh();
    }

    private void showQuestions(ClassService.StudentPage page) {
        // what the student has entered but not yet submitted survives the rebuild (a step, another question, a reveal)
        drafts.clear();
        typed.forEach((id, field) -> {
            if (!field.isEmpty()) {
                drafts.put(id, field.getValue());
            }
        });
        chosen.forEach((id, group) -> {
            if (group.getValue() != null) {
                drafts.put(id, group.getValue().toString());
            }
        });
        typed.clear();
        chosen.clear();
        questions.removeAll();
        List<ClassService.Card> cards = page.questions();
        for (int i = cards.size() - 1; i >= 0; i--) {
            questions.add(card(cards.get(i), page.over()));
        }
    }

    private Component card(ClassService.Card card, boolean over) {
        Div box = ClassStyles.questionBox("question-" + card.id());
        box.addClassName("gradlab-question");
        String prompt = ClassMessages.prompt(this, card);
        box.add(new H3(prompt));
        if (card.revealed()) {
            Paragraph value = new Paragraph(getTranslation("class.reveal.value", ClassMessages.correct(this, card)));
            value.setId("result-" + card.id());
            box.add(value);
            if (card.formula() != null) {
                box.add(ClassStyles.formula(card.formula()));
            }
            if (card.myAnswer() != null) {
                String yours = card.kind() == QuestionKind.NUMBER
                        ? card.myAnswer()
                        : ClassMessages.option(this, card, card.myAnswer());
                String verdict = card.myCorrect() == null
                        ? ""
                        : " " + getTranslation(card.myCorrect() ? "class.reveal.right" : "class.reveal.wrong");
                Paragraph mine = new Paragraph(getTranslation("class.answer.yours", yours) + verdict);
                mine.setId("verdict-" + card.id());
                box.add(mine);
            }
            return box;
        }
        if (card.myAnswer() != null) {
            String yours = card.kind() == QuestionKind.NUMBER
                    ? card.myAnswer()
                    : ClassMessages.option(this, card, card.myAnswer());
            box.add(new Paragraph(getTranslation("class.answer.received", yours)));
            return box;
        }
        if (over) {
            return box;
        }
        Paragraph error = new Paragraph();
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button submit = new Button(getTranslation("class.answer.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (card.kind() == QuestionKind.NUMBER) {
            TextField prediction = new TextField(getTranslation("class.answer.prediction"));
            prediction.setId("prediction-" + card.id());
            submit.setId("submit-" + card.id());
            String draft = drafts.get(card.id());
            if (draft != null) {
                prediction.setValue(draft);
            }
            typed.put(card.id(), prediction);
            prediction.getElement().setAttribute("inputmode", "decimal");
            prediction.setWidthFull();
            submit.addClickListener(e -> answer(card, prediction.getValue(), error));
            box.add(prediction, submit, error);
        } else {
            RadioButtonGroup<Integer> choices = new RadioButtonGroup<>();
            choices.getElement().setAttribute("aria-label", prompt);
            choices.setItems(IntStream.range(0, card.options().size()).boxed().toList());
            boolean code = card.kind() == QuestionKind.BUG;
            // a renderer, not a label generator: each label is 44 px high and a line of code keeps its indentation
            choices.setRenderer(new ComponentRenderer<>(
                    i -> ClassStyles.option(card.options().get(i).in(getLocale()), code)));
            choices.addThemeVariants(com.vaadin.flow.component.radiobutton.RadioGroupVariant.LUMO_VERTICAL);
            String draft = drafts.get(card.id());
            if (draft != null
                    && draft.matches("\\d+")
                    && Integer.parseInt(draft) < card.options().size()) {
                choices.setValue(Integer.parseInt(draft));
            }
            chosen.put(card.id(), choices);
            submit.addClickListener(e -> answer(
                    card, choices.getValue() == null ? "" : choices.getValue().toString(), error));
            box.add(choices, submit, error);
        }
        return box;
    }

    private void answer(ClassService.Card card, String value, Paragraph error) {
        if (value.isBlank()) {
            error.setText(getTranslation("class.error.empty"));
            return;
        }
        try {
            classes.answer(code, token, card.id(), value);
            refresh();
        } catch (ClassException e) {
            error.setText(ClassMessages.refusal(this, e));
        }
    }

    private void showTables(ClassService.StudentPage page) {
        int visible = page.visibleThrough();
        charts.show(
                new RunResult(
                        page.run().scenario(),
                        page.run().runs().stream()
                                .map(r -> new StrategyRun(
                                        r.strategy(),
                                        r.steps().stream()
                                                .filter(s -> s.step() <= visible)
                                                .toList(),
                                        r.diverged() != null && r.diverged() <= visible ? r.diverged() : null))
                                .toList()),
                visible == 0 ? null : visible);
        List<GradientStrategy> strategies =
                page.run().runs().stream().map(StrategyRun::strategy).toList();
        if (!strategies.equals(tableStrategies)) {
            buildTables(page.run());
            tableStrategies = strategies;
        }
        // another step: new rows in the tables there are, not new tables (a step reaches every student's page at
        // once, and a new grid per strategy and student was most of what it cost)
        for (int i = 0; i < strategies.size(); i++) {
            StepTable table = stepTables.get(i);
            table.setRows(page.run().runs().get(i).steps().stream()
                    .filter(s -> s.step() <= visible)
                    .map(StudentClassView::row)
                    .toList());
            table.setCurrentStep(visible == 0 ? null : visible);
        }
    }

    /** One empty step table per strategy of {@code run}, under its name. */
    private void buildTables(RunResult run) {
        tables.removeAll();
        stepTables.clear();
        boolean oneEpoch = run.runs().stream().allMatch(r -> r.steps().stream().allMatch(s -> s.epoch() == 1));
        for (StrategyRun strategyRun : run.runs()) {
            StepTable table = new StepTable();
            table.setColumnVisible(StepTable.Column.EPOCH_BATCH, !oneEpoch);
            if (strategyRun.steps().stream().allMatch(s -> s.loss() == null)) {
                table.setColumnVisible(StepTable.Column.LOSS, false);
            }
            stepTables.add(table);
            GradientStrategy strategy = strategyRun.strategy();
            H3 heading = new H3(getTranslation(strategy.labelKey(), strategy.accumulation()));
            heading.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
            Div box = new Div(heading, table);
            box.setId("class-table-" + strategy.name());
            box.setWidthFull();
            tables.add(box);
        }
    }

    private static StepRow row(StepRecord r) {
        return new StepRow(r.step(), r.epoch(), r.batch(), r.loss(), r.grad(), r.applied(), r.stepped(), r.params());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.page.title", code) + " · GradLab";
    }
}
