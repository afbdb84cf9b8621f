package dev.gradlab.lab.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.gradlab.base.ui.markdown.Markdown;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.LabSettings;
import dev.gradlab.lab.RunDeadline;
import dev.gradlab.lab.RunDeadlineException;
import dev.gradlab.lab.RunFacts;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Lab: any scenario, stepped batch by batch under the chosen strategies, with step tables, charts, the equivalent
 * PyTorch loop and the computation graph following the current step. The URL carries the state
 * ({@code /lab/gd-by-hand?strategies=zeroed,summed&step=2}), so a copied link reopens the same view.
 */
@Route("lab/:scenarioId?")
@AnonymousAllowed
@CssImport("./styles/views.css")
@CssImport("./styles/nograd.css")
public class LabView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The last state shown in this browser tab, so a language switch (which re-creates the view) keeps it. */
    private record Saved(
            String path,
            LabUrl state,
            GradientStrategy focus,
            LabSettings settings,
            LabUrl.@Nullable Training training) {}

    private final LabService lab;
    private final TrainingService trainingService;
    private final ScenarioExports exports;
    private final CheckboxGroup<GradientStrategy> strategyBox = new CheckboxGroup<>();
    private final StepControls controls = new StepControls(this::setStep);
    private final StepTables tables = new StepTables();
    private final RunCharts charts = new RunCharts();
    private final PredictFirst predict = new PredictFirst(controls, tables, charts, this::setStep);
    private final Select<GradientStrategy> focusSelect = new Select<>();
    private final CodePanel code = new CodePanel();
    private final GraphPanel graph = new GraphPanel();
    private final Paragraph noStrategy = new Paragraph();
    private final Div panels = new Div();

    private @Nullable Scenario scenario;
    /** The scenario as its file has it; {@link #scenario} is this with {@link #settings} applied. */
    private @Nullable Scenario base;

    private @Nullable LabSettings settings;
    private @Nullable SettingsPanel settingsPanel;
    private @Nullable ExportMenu exportMenu;
    private @Nullable Div trainingBox;
    private @Nullable String routeId;
    private @Nullable RunResult result;
    private LabUrl state = new LabUrl(List.of(), 1);
    /** A model page's training choices; null on a stepped page. */
    private LabUrl.@Nullable Training training;

    private GradientStrategy focus = GradientStrategy.ZEROED;

    public LabView(LabService lab, TrainingService training, ScenarioExports exports) {
        this.lab = lab;
        this.trainingService = training;
        this.exports = exports;
        addClassName("gradlab-page");
        addClassName("gradlab-lab");
        strategyBox.setLabel(getTranslation("lab.strategies"));
        strategyBox.setId("strategies");
        strategyBox.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                List<GradientStrategy> chosen = new ArrayList<>(shown().strategies());
                chosen.retainAll(e.getValue());
                state = new LabUrl(List.copyOf(chosen), state.step());
                showRun();
            }
        });
        focusSelect.setLabel(getTranslation("lab.code.strategy"));
        focusSelect.setId("focus-strategy");
        focusSelect.setWidthFull(); // its label is a sentence: at the default width it is cut off
        focusSelect.setMaxWidth("24em");
        focusSelect.setItemLabelGenerator(s -> StrategyText.label(this, s));
        focusSelect.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                focus = e.getValue();
                setStep(state.step());
            }
        });
        noStrategy.setText(getTranslation("lab.no-strategy"));
        noStrategy.addClassName("gradlab-callout");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("scenarioId").orElse(null);
        routeId = id;
        if (id == null) { // /lab alone: pick a scenario from the Library's list, not the first one silently
            event.forwardTo(LibraryView.class);
            return;
        }
        Scenario s = find(id).orElse(null);
        if (s == null) {
            // only an id that names no scenario gets here; a hand-made 10 kB id is not repeated back whole
            String unknown = id;
            showProblem(
                    new LabUrl.Problem("lab.error.scenario", List.of(dev.gradlab.scenario.Limits.cut(unknown, 40))));
            return;
        }
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        Saved saved = ComponentUtil.getData(event.getUI(), Saved.class);
        boolean refresh = event.getTrigger() == NavigationTrigger.REFRESH_ROUTE
                && saved != null
                && saved.path().equals(path(s));
        LabSettings wanted;
        if (refresh) {
            wanted = saved.settings();
        } else {
            LabUrl.SettingsParsed parsed = LabUrl.settings(query, s);
            if (parsed.problem() != null) {
                showProblem(parsed.problem());
                return;
            }
            wanted = Objects.requireNonNull(parsed.settings(), "parsed settings have settings or a problem");
            LabSettings.Problem beyond = lab.check(s, wanted, null);
            if (beyond != null) {
                showProblem(linkProblem(query, s, wanted, beyond));
                return;
            }
        }
        Scenario shown = lab.apply(s, wanted);
        boolean same = s == base && wanted.equals(settings);
        base = s;
        settings = wanted;
        shown.match(
                m -> enterStepped(shown, event, refresh ? saved : null, same),
                e -> enterStepped(shown, event, refresh ? saved : null, same),
                m -> showTraining(m, event, refresh ? saved : null));
    }

    /** A link's setting beyond the limits: the parameter as written and why it cannot be used. */
    private LabUrl.Problem linkProblem(
            Map<String, List<String>> query, Scenario s, LabSettings wanted, LabSettings.Problem p) {
        String name = LabUrl.parameter(p.field());
        List<String> given = query.get(name);
        String value = given != null && !given.isEmpty()
                ? given.get(0)
                : LabUrl.settingsQuery(wanted, s)
                        .getOrDefault(name, List.of(""))
                        .get(0);
        return new LabUrl.Problem(
                "lab.error.setting",
                List.of(name, dev.gradlab.scenario.Limits.cut(value, 40), SettingsPanel.message(this, p)));
    }

    /** Manual and expression scenarios are stepped batch by batch, in the state the URL (or the last visit) asks for. */
    private boolean enterStepped(Scenario s, BeforeEnterEvent event, @Nullable Saved saved, boolean sameSettings) {
        if (saved != null) {
            focus = saved.focus();
            predict.restore(event.getUI(), path(s));
            show(s, saved.state());
            return true;
        }
        LabUrl.Parsed parsed = LabUrl.parse(
                event.getLocation().getQueryParameters().getParameters(), s.strategies(), (int) s.totalBatches());
        LabUrl.Problem problem = parsed.problem();
        if (problem != null) {
            showProblem(problem);
            return true;
        }
        LabUrl wanted = Objects.requireNonNull(parsed.state(), "a parsed link has either a state or a problem");
        String code = LabUrl.code(event.getLocation().getQueryParameters().getParameters());
        LabUrl.Problem badCode = wanted.checkCode(code);
        if (badCode != null) {
            showProblem(badCode);
            return true;
        }
        if (code != null) {
            focus = GradientStrategy.parse(code); // checkCode found it among the shown strategies
        }
        predict.open(
                path(s), LabUrl.predict(event.getLocation().getQueryParameters().getParameters()), wanted.step());
        if (sameSettings && result != null && wanted.strategies().equals(state.strategies())) {
            focusSelect.setValue(focus);
            setStep(wanted.step()); // the same view with another step: no rebuild
            return true;
        }
        show(s, wanted);
        return true;
    }

    private void show(Scenario s, LabUrl initial) {
        scenario = s;
        state = initial;
        controls.stop();
        removeAll();
        addHeading(s);
        strategyBox.setItems(s.strategies());
        strategyBox.setItemLabelGenerator(n -> StrategyText.label(this, n));
        controls.setRange((int) s.totalBatches());

        Div codeBox = new Div(
                new H2(getTranslation("lab.code.heading")),
                focusSelect,
                code,
                legend(getTranslation("lab.code.legend")));
        codeBox.addClassName("gradlab-panel");
        Div graphBox = new Div(new H2(getTranslation("lab.graph.heading")), graph);
        graphBox.addClassName("gradlab-panel");
        Div side = new Div(codeBox);
        side.addClassName("gradlab-lab-side");
        Div main = new Div(new H2(getTranslation("lab.tables.heading")), tables);
        main.addClassName("gradlab-lab-main");
        Div columns = new Div(main, side);
        columns.addClassName("gradlab-lab-columns");
        // many parameter values make tall rows in a half-width table: then tables take the full width
        if (parameterNumbers(s) > 6) {
            columns.addClassName("stacked");
        }
        panels.removeAll();
        // the graph gets the full width: an MLP's graph is wide, and it scrolls inside its own box beyond that
        panels.add(predict, columns, graphBox, new H2(getTranslation("lab.charts.heading")), charts);
        add(settingsPanel(s), strategyBox, controls, noStrategy, panels);
        showRun();
    }

    /** The live settings over the scenario's own; each accepted change recomputes through the service. */
    private SettingsPanel settingsPanel(Scenario s) {
        Scenario own = shownBase();
        LabSettings current = Objects.requireNonNull(settings, "settings are read on entering");
        SettingsPanel panel = new SettingsPanel(
                own,
                current,
                (candidate, changed) -> lab.check(own, candidate, changed),
                candidate -> lab.epochBound(own, candidate).maxEpochs(),
                this::changeSettings);
        settingsPanel = panel;
        if (current.differsFrom(own)) {
            panel.setOpened(true); // a link that changes a setting shows which
        } else {
            // folded on phones, where it would push the steps below the fold; open where there is room
            UI.getCurrent()
                    .getPage()
                    .retrieveExtendedClientDetails(d -> panel.setOpened(d.getWindowInnerWidth() >= 700));
        }
        return panel;
    }

    /** Accepted settings: the modified scenario replaces the shown one, keeping the strategies and step it can. */
    private void changeSettings(LabSettings next) {
        Scenario own = shownBase();
        Scenario before = shown();
        Scenario s = lab.apply(own, next);
        settings = next;
        scenario = s;
        replaceExportMenu(s);
        if (s instanceof ModelScenario model) {
            LabUrl.Training chosen = Objects.requireNonNull(training, "a model page has training choices");
            // accumulate-K with another K is the same strategy in the same place of the list
            List<GradientStrategy> strategies = chosen.strategies().stream()
                    .map(g -> model.strategies().get(before.strategies().indexOf(g)))
                    .toList();
            int epochs = chosen.epochs() == null ? model.epochs() : chosen.epochs();
            training = new LabUrl.Training(strategies, null).withEpochs(epochs, model.epochs());
            showTrainingPanel(model);
            updateUrl();
            return;
        }
        // accumulate-K with another K is the same strategy in the same place of the list
        List<GradientStrategy> chosen = state.strategies().stream()
                .map(g -> s.strategies().get(before.strategies().indexOf(g)))
                .toList();
        focus = s.strategies().get(Math.max(0, before.strategies().indexOf(focus)));
        state = new LabUrl(chosen, (int) Math.min(state.step(), s.totalBatches()));
        controls.stop();
        strategyBox.setItems(s.strategies());
        controls.setRange((int) s.totalBatches());
        showRun();
    }

    private void replaceExportMenu(Scenario s) {
        ExportMenu old = exportMenu;
        ExportMenu menu = new ExportMenu(exports, s, getLocale());
        exportMenu = menu;
        if (old != null && old.getParent().isPresent()) {
            replace(old, menu);
        }
    }

    /**
     * Model scenarios are trained live rather than stepped: their own panel replaces the step controls, opening on the
     * strategies and epochs the URL (or the last visit) asks for.
     */
    private boolean showTraining(ModelScenario model, BeforeEnterEvent event, @Nullable Saved saved) {
        LabUrl.Training wanted;
        if (saved != null && saved.training() != null) {
            wanted = saved.training();
        } else {
            LabUrl.TrainingParsed parsed = LabUrl.training(
                    event.getLocation().getQueryParameters().getParameters(), model.strategies(), model.epochs());
            LabUrl.Problem problem = parsed.problem();
            if (problem != null) {
                showProblem(problem);
                return true;
            }
            wanted = Objects.requireNonNull(parsed.training(), "parsed choices have choices or a problem");
        }
        training = wanted;
        controls.stop();
        scenario = model;
        result = null;
        removeAll();
        addHeading(model);
        Div box = new Div();
        trainingBox = box;
        add(settingsPanel(model), box);
        showTrainingPanel(model);
        updateUrl();
        return true;
    }

    /** A training panel for these settings; they apply to its next run, which the student starts. */
    private void showTrainingPanel(ModelScenario model) {
        Div box = Objects.requireNonNull(trainingBox, "the training box is added with the panel");
        box.removeAll();
        LabUrl.Training chosen = Objects.requireNonNull(training, "a model page has training choices");
        box.add(new TrainingPanel(trainingService, model, chosen, choice -> {
            training = choice;
            updateUrl();
        }));
    }

    /** The scenario's title and its description (the instructor's Markdown, rendered). */
    private void addHeading(Scenario s) {
        add(new H1(s.title().in(getLocale())));
        if (s.description() != null) {
            Html description = Markdown.component(s.description().in(getLocale()));
            description.addClassName("gradlab-muted");
            add(description);
        }
        exportMenu = new ExportMenu(exports, s, getLocale());
        add(exportMenu);
    }

    private static int parameterNumbers(Scenario s) {
        Map<String, TensorData> params = s.match(ManualScenario::params, ExpressionScenario::params, m -> Map.of());
        return params.values().stream().mapToInt(TensorData::numel).sum();
    }

    /** Runs the chosen strategies (cached by the service) and redraws everything for the current step. */
    private void showRun() {
        strategyBox.setValue(new java.util.LinkedHashSet<>(state.strategies()));
        boolean any = !state.strategies().isEmpty();
        noStrategy.setVisible(!any);
        panels.setVisible(any);
        if (!any) {
            result = null;
            updateUrl();
            return;
        }
        try {
            result = lab.run(shown(), state.strategies());
        } catch (RunDeadlineException e) {
            showProblem(deadlineProblem(e));
            return;
        }
        if (!state.strategies().contains(focus)) {
            focus = state.strategies().get(0);
        }
        focusSelect.setItems(state.strategies());
        focusSelect.setValue(focus);
        predict.show(result, state.step());
        setStep(state.step());
    }

    private void setStep(int step) {
        state = new LabUrl(state.strategies(), step);
        if (result == null) {
            controls.show(step, "");
            updateUrl();
            return;
        }
        Scenario s = shown();
        StepRecord record = RunFacts.run(result, focus).steps().get(Math.max(step, 1) - 1);
        controls.show(
                step,
                step == 0
                        ? getTranslation("predict.start")
                        : getTranslation("lab.step-of", step, s.totalBatches(), record.epoch(), record.batch()));
        predict.setCurrent(step); // the step tables and charts, holding back a step still to be predicted
        code.show(lab.pytorch(s, focus, getLocale()), focus, record.stepped());
        int seen = predict.seen(step);
        try {
            graph.show(
                    seen == 0 ? PredictFirst.NO_GRAPH : lab.graphAt(s, focus, seen),
                    s.match(m -> true, e -> false, m -> false));
        } catch (RunDeadlineException e) {
            showProblem(deadlineProblem(e));
            return;
        }
        lab.stepRendered();
        updateUrl();
    }

    /** A run past the server's deadline (gradlab.run.deadline) is stopped by the service; the page says so. */
    private static LabUrl.Problem deadlineProblem(RunDeadlineException e) {
        return new LabUrl.Problem("lab.error.deadline", List.of(RunDeadline.text(e.seconds())));
    }

    private void updateUrl() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        Scenario s = shown();
        LabSettings current = Objects.requireNonNull(settings, "settings are read on entering");
        LabUrl.Training chosen = s instanceof ModelScenario ? training : null;
        ComponentUtil.setData(ui, Saved.class, new Saved(path(s), state, focus, current, chosen));
        if (isAttached()) {
            // not while entering: the router is about to set the URL the user asked for
            Map<String, List<String>> query = new LinkedHashMap<>();
            if (chosen != null) {
                query.putAll(chosen.query());
            } else {
                query.putAll(LabUrl.predict(state.query(focus.name()), predict.isOn()));
            }
            query.putAll(LabUrl.settingsQuery(current, shownBase()));
            ui.getPage().getHistory().replaceState(null, new Location(path(s), new QueryParameters(query)));
        }
    }

    /** The scenario a route's {@code scenarioId} names: here a built-in's id; a saved scenario's slug elsewhere. */
    Optional<Scenario> find(String id) {
        return lab.scenario(id);
    }

    /** What the address names (a built-in's id, a saved scenario's slug), or null for a bare {@code /lab}. */
    @Nullable
    String routeId() {
        return routeId;
    }

    /** The address of this view for the scenario shown, without the query. */
    String path(Scenario s) {
        return "lab/" + s.id();
    }

    /** The scenario as its file has it, before the settings. */
    private Scenario shownBase() {
        return Objects.requireNonNull(base, "no scenario is shown");
    }

    /** The scenario being stepped: the step controls, strategy box and URL exist only once one is shown. */
    private Scenario shown() {
        return Objects.requireNonNull(scenario, "no scenario is shown");
    }

    private void showProblem(LabUrl.Problem problem) {
        controls.stop();
        scenario = null;
        base = null;
        settings = null;
        result = null;
        training = null;
        removeAll();
        Div box = new Div();
        box.setId("lab-error");
        box.addClassName("gradlab-callout");
        box.add(
                new H1(getTranslation("lab.error.title")),
                new Paragraph(getTranslation(problem.key(), problem.args().toArray())));
        Anchor back = new Anchor("library", getTranslation("lab.error.back"));
        back.addClassName("gradlab-cta");
        back.setId("back-to-library");
        box.add(back);
        add(box);
    }

    private static Paragraph legend(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("gradlab-muted");
        return p;
    }

    @Override
    public String getPageTitle() {
        return (scenario == null
                        ? getTranslation("lab.title")
                        : scenario.title().in(getLocale())) + " · GradLab";
    }
}
