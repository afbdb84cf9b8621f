package dev.gradlab.lab.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.gradlab.base.ui.PushOnDemand;
import dev.gradlab.base.web.ClientAddress;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.train.DatasetPreview;
import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingRejectedException;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Lab's panel for {@code kind: model} scenarios: submits the training to the shared {@link TrainingService} (never
 * trained on the UI thread), shows the place in the queue, then a progress bar, live loss and accuracy charts and, for
 * 2-D data, a decision-boundary picture per strategy, all pushed from the training thread through
 * {@code UI.access}. Leaving the page cancels the job.
 */
final class TrainingPanel extends Composite<Div> {

    private final TrainingService service;
    private final ModelScenario spec;
    private final @Nullable Dataset testPoints;
    private final CheckboxGroup<GradientStrategy> strategies = new CheckboxGroup<>();
    private final IntegerField epochs = new IntegerField();
    private final Button start = new Button();
    private final Button cancel = new Button();
    private final Paragraph status = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final TrainingCharts charts = new TrainingCharts();
    private final Div accuracies = new Div();
    private final Div accuracySection = new Div();
    private final Div boundaries = new Div();
    private final Div boundarySection = new Div();
    private @Nullable TrainingJob job;
    private @Nullable TrainingUpdates updates;
    private int runEpochs;

    TrainingPanel(TrainingService service, ModelScenario spec) {
        this(service, spec, new LabUrl.Training(spec.strategies(), null), choice -> {});
    }

    /**
     * A panel opening on {@code initial} (the link's choices); {@code changed} hears every choice the student makes
     * afterwards, so the page can put it in the URL.
     */
    TrainingPanel(
            TrainingService service, ModelScenario spec, LabUrl.Training initial, Consumer<LabUrl.Training> changed) {
        this.service = service;
        this.spec = spec;
        PushOnDemand.need(this);
        DatasetPreview preview = preview(spec);
        this.testPoints = preview == null || preview.points() == null
                ? null
                : preview.points().test();
        getContent().addClassName("gradlab-training");
        getContent().setId("training-panel");

        strategies.setLabel(getTranslation("lab.strategies"));
        strategies.setId("training-strategies");
        strategies.setItems(spec.strategies());
        strategies.setItemLabelGenerator(s -> StrategyText.label(this, s));
        strategies.setValue(new LinkedHashSet<>(initial.strategies()));
        epochs.setLabel(getTranslation("training.epochs"));
        epochs.setId("training-epochs");
        epochs.setMin(1);
        epochs.setMax(spec.epochs());
        epochs.setStepButtonsVisible(true);
        epochs.setValue(initial.epochs() == null ? spec.epochs() : Math.min(initial.epochs(), spec.epochs()));
        strategies.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed.accept(choice());
            }
        });
        epochs.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed.accept(choice());
            }
        });
        start.setText(getTranslation("training.start"));
        start.setId("training-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> submit());
        cancel.setText(getTranslation("training.cancel"));
        cancel.setId("training-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setEnabled(false);
        cancel.addClickListener(e -> cancelJob());
        Div controls = new Div(strategies, epochs, start, cancel);
        controls.addClassName("gradlab-training-controls");
        // touch targets of at least 44 × 44 px: Lumo sizes buttons and fields from --lumo-size-m (36 px)
        controls.getStyle().set("--lumo-size-m", "2.75rem");
        strategies
                .getChildren()
                .forEach(box ->
                        box.getElement().getStyle().set("min-height", "2.75rem").set("align-items", "center"));

        status.setId("training-status");
        status.addClassName("gradlab-training-status");
        status.getElement().setAttribute("role", "status");
        progress.setId("training-progress");
        progress.getElement().setAttribute("aria-label", getTranslation("training.progress"));
        progress.setVisible(false);
        accuracies.setId("training-accuracy");
        boundaries.addClassName("gradlab-boundaries");
        boundaries.setId("training-boundaries");

        getContent()
                .add(
                        new H2(getTranslation("training.heading")),
                        new Paragraph(
                                getTranslation("training.intro", spec.dataset(), Arrays.toString(spec.layers()))));
        if (preview != null) { // before any run: the data set itself, so the page is not empty
            getContent().add(new DatasetPart(preview));
        } else {
            Paragraph missing = new Paragraph(getTranslation("training.dataset.unavailable"));
            missing.setId("dataset-unavailable");
            missing.addClassName("gradlab-muted");
            getContent().add(missing);
        }
        getContent().add(controls, status, progress, charts);
        accuracySection.add(new H3(getTranslation("training.accuracy.heading")), accuracies);
        accuracySection.setVisible(false); // no empty heading before there is a result
        getContent().add(accuracySection);
        if (testPoints != null) {
            Paragraph legend = new Paragraph(getTranslation("training.boundary.legend.shapes"));
            legend.addClassName("gradlab-muted");
            boundarySection.add(new H3(getTranslation("training.boundary.heading")), legend, boundaries);
            boundarySection.setVisible(false); // until the first picture arrives
            getContent().add(boundarySection);
        } else {
            Paragraph images = new Paragraph(getTranslation("training.images"));
            images.addClassName("gradlab-muted");
            getContent().add(images);
        }
        setStatus("idle", getTranslation("training.idle"));
        UI ui = UI.getCurrent();
        TrainingUpdates.Finished done = ui == null ? null : ComponentUtil.getData(ui, TrainingUpdates.Finished.class);
        if (ui != null && done != null && done.spec().equals(spec)) {
            new TrainingUpdates(ui, this, testPoints).restore(done); // a language switch rebuilt the view
        }
        // a closed tab or a page left behind takes its training with it
        addDetachListener(e -> cancelJob());
    }

    /** The strategies (in the scenario's order) and epochs as the student has chosen them. */
    LabUrl.Training choice() {
        List<GradientStrategy> chosen = new ArrayList<>(spec.strategies());
        chosen.retainAll(strategies.getValue());
        Integer n = epochs.getValue();
        return new LabUrl.Training(List.copyOf(chosen), null).withEpochs(n == null ? spec.epochs() : n, spec.epochs());
    }

    private void submit() {
        List<GradientStrategy> chosen = new ArrayList<>(spec.strategies());
        chosen.retainAll(strategies.getValue());
        if (chosen.isEmpty()) {
            setStatus("error", getTranslation("lab.no-strategy"));
            return;
        }
        int n = epochs.getValue() == null ? spec.epochs() : Math.max(1, Math.min(spec.epochs(), epochs.getValue()));
        ModelScenario run = spec.withStrategies(chosen).withEpochs(n);
        UI ui = UI.getCurrent();
        charts.reset(this, chosen);
        accuracies.removeAll();
        accuracySection.setVisible(false);
        boundaries.removeAll();
        boundarySection.setVisible(false);
        TrainingUpdates listener = new TrainingUpdates(ui, this, testPoints);
        try {
            TrainingJob submitted = service.submit(
                    VaadinSession.getCurrent().getSession().getId(),
                    ClientAddress.of(VaadinServletRequest.getCurrent()),
                    run,
                    listener);
            job = submitted;
            updates = listener;
            runEpochs = n;
            running(true);
            if (submitted.state() == TrainingJob.State.QUEUED) {
                showQueued(submitted.placeInLine());
            } else {
                showRunning(0, 0, 0);
            }
            listener.follow(submitted);
        } catch (TrainingRejectedException ex) {
            setStatus("error", getTranslation(rejectionKey(ex.reason()), ex.limit()));
        } catch (RuntimeException ex) { // a student sees a sentence, not a stack trace
            setStatus("error", getTranslation("training.failed", String.valueOf(ex.getMessage())));
        }
    }

    /** The translation key of a refusal's sentence (its one argument: the limit reached). */
    static String rejectionKey(TrainingRejectedException.Reason reason) {
        return switch (reason) {
            case SHUTTING_DOWN -> "training.rejected.shutting-down";
            case SESSION_LIMIT -> "training.rejected.session-limit";
            case ADDRESS_LIMIT -> "training.rejected.address-limit";
            case RATE_LIMIT -> "training.rejected.rate-limit";
            case QUEUE_FULL -> "training.rejected.queue-full";
        };
    }

    /** The data set as the training splits it; null (and a line instead of the picture) when it cannot be loaded. */
    private static @Nullable DatasetPreview preview(ModelScenario spec) {
        try {
            return DatasetPreview.of(spec);
        } catch (RuntimeException e) { // the same problem stops the training with a translated message
            return null;
        }
    }

    /** Asks the job to stop; returns at once (the job stops within one batch, the pusher then shows it). */
    private void cancelJob() {
        TrainingJob j = job;
        if (j != null && !j.state().isFinished()) {
            j.cancel();
            cancel.setEnabled(false);
        }
    }

    /** The run has ended and its results are shown: let go of the job and its step records. */
    void forget() {
        job = null;
        updates = null;
    }

    void running(boolean on) {
        start.setEnabled(!on);
        cancel.setEnabled(on);
        strategies.setReadOnly(on);
        epochs.setReadOnly(on);
        progress.setVisible(on);
    }

    void showQueued(int place) {
        progress.setIndeterminate(true);
        setStatus("queued", getTranslation("training.queued", place));
    }

    /** Bar and text together (at most twice a second), so the text never lags the bar. */
    void showRunning(int epoch, long done, long total) {
        showProgress(done, total);
        setStatus(
                "running",
                total == 0
                        ? getTranslation("training.starting")
                        : getTranslation("training.running.live", epoch, runEpochs, done, total));
    }

    /** The bar only. */
    void showProgress(long done, long total) {
        progress.setIndeterminate(false);
        progress.setValue(total == 0 ? 0 : (double) done / total);
    }

    void setStatus(String state, String text) {
        status.setText(text);
        status.getElement().setAttribute("data-state", state);
        status.getClassNames().set("gradlab-callout", !state.equals("idle"));
        // before a run the charts' placeholder says what Start does: no second sentence saying the same
        // (hidden by style: an invisible Vaadin component would not be in the page at all, nor its state)
        if (state.equals("idle")) {
            status.getStyle().set("display", "none");
        } else {
            status.getStyle().remove("display");
        }
    }

    ModelScenario spec() {
        return spec;
    }

    /** Keeps a finished run in the UI (one per tab), for the view a language switch rebuilds. */
    void remember(TrainingUpdates.Finished finished) {
        getUI().or(() -> java.util.Optional.ofNullable(UI.getCurrent()))
                .ifPresent(ui -> ComponentUtil.setData(ui, TrainingUpdates.Finished.class, finished));
    }

    TrainingCharts charts() {
        return charts;
    }

    /** The final accuracies' box, shown with its heading from now on. */
    Div accuracies() {
        accuracySection.setVisible(true);
        return accuracies;
    }

    /** The decision boundaries' box, shown with its heading and legend from now on. */
    Div boundaries() {
        boundarySection.setVisible(true);
        return boundaries;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (updates != null) {
            updates.setUi(event.getUI());
        }
    }
}
