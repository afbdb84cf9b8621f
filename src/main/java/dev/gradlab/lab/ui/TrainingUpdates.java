package dev.gradlab.lab.ui;

import dev.gradlab.scenario.GradientStrategy;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableRunnable;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.train.EpochProgress;
import dev.gradlab.lab.train.EpochRecord;
import dev.gradlab.lab.train.ModelResult;
import dev.gradlab.lab.train.ModelRun;
import dev.gradlab.lab.train.StepProgress;
import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Hands a training job's events (on a training thread) to the panel (on its UI) through {@code UI.access}, which
 * pushes them to the browser. Step events are thinned to a few per second; epochs and the end always get through. If
 * the UI is gone, {@code access} throws and the training service cancels the job.
 */
final class TrainingUpdates implements TrainingListener {

    private static final long STEP_INTERVAL_NANOS = 200_000_000L;

    private volatile UI ui;
    private final TrainingPanel panel;
    private final @Nullable Dataset testPoints;
    private final AtomicLong lastStep = new AtomicLong();
    /** UI thread only. */
    private final Map<GradientStrategy, Div> pictures = new HashMap<>();
    private final Map<GradientStrategy, H3> titles = new HashMap<>();

    TrainingUpdates(UI ui, TrainingPanel panel, @Nullable Dataset testPoints) {
        this.ui = ui;
        this.panel = panel;
        this.testPoints = testPoints;
    }

    void setUi(UI ui) {
        this.ui = ui;
    }

    private void access(SerializableRunnable update) {
        ui.access(update::run);
    }

    @Override
    public void onQueued(TrainingJob job, int placeInLine) {
        access(() -> panel.showQueued(placeInLine));
    }

    @Override
    public void onStarted(TrainingJob job) {
        access(() -> panel.showRunning(job.stepsDone(), job.totalSteps()));
    }

    @Override
    public void onStep(StepProgress step) {
        long now = System.nanoTime();
        long last = lastStep.get();
        if (now - last >= STEP_INTERVAL_NANOS && lastStep.compareAndSet(last, now)) {
            access(() -> panel.showProgress(step.done(), step.total()));
        }
    }

    @Override
    public void onEpoch(EpochProgress e) {
        String svg = e.boundary() == null || testPoints == null ? null
                : BoundaryPicture.svg(e.boundary(), testPoints, panel.getTranslation("training.boundary.aria",
                        StrategyText.label(panel, e.strategy()), e.epoch().epoch()));
        access(() -> {
            panel.charts().add(e.run(), e.epoch());
            panel.showRunning(e.done(), e.total());
            if (svg != null) {
                picture(e.strategy(), e.epoch().epoch()).getElement().setProperty("innerHTML", svg);
            }
        });
    }

    /** The strategy's picture box, created the first time (in strategy order, since epoch 1 arrives in that order). */
    private Div picture(GradientStrategy strategy, int epoch) {
        Div svg = pictures.get(strategy);
        H3 title = titles.get(strategy);
        if (svg == null || title == null) {
            svg = new Div();
            svg.setId("boundary-" + strategy.name());
            title = new H3();
            Div box = new Div(title, svg);
            box.addClassName("gradlab-boundary");
            panel.boundaries().add(box);
            pictures.put(strategy, svg);
            titles.put(strategy, title);
        }
        title.setText(panel.getTranslation("training.boundary.epoch",
                StrategyText.label(panel, strategy), epoch));
        return svg;
    }

    @Override
    public void onFinished(TrainingJob job) {
        access(() -> {
            panel.running(false);
            switch (job.state()) {
                case DONE -> {
                    ModelResult result = job.result();
                    panel.setStatus("done", panel.getTranslation("training.done", job.spec().epochs()));
                    if (result != null) {
                        showAccuracies(result);
                    }
                }
                case CANCELLED -> panel.setStatus("cancelled", panel.getTranslation("training.cancelled"));
                default -> panel.setStatus("failed", panel.getTranslation("training.failed",
                        job.failure() == null ? "?" : job.failure()));
            }
        });
    }

    private void showAccuracies(ModelResult result) {
        Div box = panel.accuracies();
        box.removeAll();
        for (ModelRun run : result.runs()) {
            String name = run.strategy().name();
            EpochRecord last = run.last();
            String label = StrategyText.label(panel, run.strategy());
            Paragraph p = new Paragraph(run.diverged() != null || last == null || Double.isNaN(last.accuracy())
                    ? panel.getTranslation("training.accuracy.diverged", label, run.diverged() == null ? "?" : run.diverged())
                    : panel.getTranslation("training.accuracy.value", label,
                            Numbers.format(last.accuracy() * 100, ui.getLocale(), 1)));
            p.setId("accuracy-" + name);
            p.addClassName("gradlab-accuracy");
            box.add(p);
        }
    }
}
