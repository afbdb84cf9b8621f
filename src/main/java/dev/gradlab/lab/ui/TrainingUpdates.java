package dev.gradlab.lab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.train.DecisionGrid;
import dev.gradlab.lab.train.EpochProgress;
import dev.gradlab.lab.train.EpochRecord;
import dev.gradlab.lab.train.ModelResult;
import dev.gradlab.lab.train.ModelRun;
import dev.gradlab.lab.train.StepProgress;
import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingListener;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Carries a training job's events from its training thread to the panel's UI without ever making the training wait
 * for the UI or the UI wait for the training. The training thread only writes into thread-safe holders (the latest
 * step, a queue of finished epochs with their pictures already drawn, the end); one shared pusher thread looks at them
 * every {@value #PUSH_MILLIS} ms and, if anything changed, hands them over with one {@code UI.access} — which never
 * blocks (if a request holds the session lock, the update runs when that request ends). Inside {@code access} there is
 * only cheap component work: no training-side lock, no drawing.
 *
 * <p>Texts are resolved with the UI's own locale and the application's {@link I18NProvider}, both captured on the UI
 * thread at construction: a translation looked up on the training thread would otherwise read {@code !{key}!}.
 */
final class TrainingUpdates implements TrainingListener {

    static final long PUSH_MILLIS = 500;

    /**
     * Charts and boundary pictures are redrawn at most this often (and at the end). Every push holds the session lock
     * while it is written, and four SVG pictures plus two charts re-rendered per epoch kept the lock and the browser
     * busy enough that a click during training waited seconds on a loaded machine.
     */
    static final long DRAW_MILLIS = 1_500;

    /** One daemon thread for every training panel of the application: at most two pushes a second per panel. */
    private static final ScheduledThreadPoolExecutor PUSHER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "training-pusher");
        t.setDaemon(true);
        return t;
    });

    static {
        PUSHER.setRemoveOnCancelPolicy(true); // a finished panel's ticks do not linger in the queue
    }

    /** Even with nothing new, look at the page this often, to pass its heartbeat on to the job. */
    private static final int QUIET_TICKS = 4;

    private int quiet;

    private volatile UI ui;
    private final TrainingPanel panel;
    private final @Nullable Dataset testPoints;
    private final Texts texts;

    // written by the training thread, read by the pusher
    private final AtomicReference<@Nullable StepProgress> lastStep = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Epoch> epochs = new ConcurrentLinkedQueue<>();
    private volatile int placeInLine;
    private volatile boolean started;
    private volatile @Nullable TrainingJob finished;
    private final Map<GradientStrategy, EpochProgress> lastBoundary = new LinkedHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();

    private @Nullable ScheduledFuture<?> ticks;
    private @Nullable TrainingJob job;

    /** UI thread only. */
    private final Map<GradientStrategy, Div> pictures = new HashMap<>();

    private final Map<GradientStrategy, H3> titles = new HashMap<>();
    /** Epochs whose charts and pictures are not drawn yet (at most one redraw every {@value #DRAW_MILLIS} ms). */
    private final Map<GradientStrategy, Epoch> pendingPictures = new LinkedHashMap<>();

    private boolean chartsBehind;
    private long lastDrawn = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);

    /**
     * A finished run as the page shows it, kept in the UI so the view rebuilt by a language switch shows it again:
     * the epochs (step records dropped) and the latest decision grid per strategy (redrawn in the new language).
     *
     * @param spec the panel's scenario, to match the view that asks
     */
    record Finished(ModelScenario spec, ModelResult result, Map<GradientStrategy, EpochProgress> boundaries) {}

    /** A finished epoch and its picture, drawn on the training thread. */
    private record Epoch(EpochProgress progress, @Nullable String svg) {}

    /** Translations in a fixed locale, usable from any thread. */
    record Texts(@Nullable I18NProvider provider, Locale locale) implements StrategyText.Translator {

        /** The current UI's locale and the application's provider; call on the UI thread. */
        static Texts of(UI ui) {
            VaadinService service = VaadinService.getCurrent();
            I18NProvider provider =
                    service == null ? null : service.getInstantiator().getI18NProvider();
            return new Texts(provider, ui.getLocale());
        }

        @Override
        public String get(String key, Object... args) {
            return provider == null ? "!{" + key + "}!" : provider.getTranslation(key, locale, args);
        }
    }

    TrainingUpdates(UI ui, TrainingPanel panel, @Nullable Dataset testPoints) {
        this(ui, panel, testPoints, Texts.of(ui));
    }

    TrainingUpdates(UI ui, TrainingPanel panel, @Nullable Dataset testPoints, Texts texts) {
        this.ui = ui;
        this.panel = panel;
        this.testPoints = testPoints;
        this.texts = texts;
    }

    void setUi(UI ui) {
        this.ui = ui;
    }

    /** Starts the pusher for {@code job}; UI thread. */
    void follow(TrainingJob job) {
        this.job = job;
        ticks = PUSHER.scheduleWithFixedDelay(this::tick, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onQueued(TrainingJob job, int placeInLine) {
        this.placeInLine = placeInLine;
        dirty.set(true);
    }

    @Override
    public void onStarted(TrainingJob job) {
        started = true;
        dirty.set(true);
    }

    @Override
    public void onStep(StepProgress step) {
        lastStep.set(step);
        dirty.set(true);
    }

    @Override
    public void onEpoch(EpochProgress e) {
        String svg = e.boundary() == null || testPoints == null
                ? null
                : BoundaryPicture.svg(
                        e.boundary(),
                        testPoints,
                        texts.get(
                                "training.boundary.aria",
                                StrategyText.label(texts, e.strategy()),
                                e.epoch().epoch()));
        epochs.add(new Epoch(e, svg));
        dirty.set(true);
    }

    @Override
    public void onFinished(TrainingJob job) {
        finished = job;
        dirty.set(true);
    }

    /** On the pusher thread: one non-blocking hand-over of whatever changed. */
    private void tick() {
        if (!dirty.getAndSet(false) && ++quiet < QUIET_TICKS) {
            return;
        }
        quiet = 0;
        try {
            ui.access(this::apply);
        } catch (UIDetachedException | IllegalStateException e) { // the page is gone: nobody to train for
            stop();
            TrainingJob j = job;
            if (j != null) {
                j.cancel();
            }
        }
    }

    private void stop() {
        ScheduledFuture<?> t = ticks;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Inside {@code UI.access}: component updates only. */
    private void apply() {
        TrainingJob following = job;
        if (following != null) { // the page's own heartbeat (Vaadin's, every vaadin.heartbeatInterval) keeps the job
            following.heardAt(ui.getInternals().getLastHeartbeatTimestamp());
        }
        TrainingJob end = finished;
        List<Epoch> arrived = new ArrayList<>();
        for (Epoch e; (e = epochs.poll()) != null; ) {
            arrived.add(e);
        }
        if (!arrived.isEmpty()) {
            panel.charts()
                    .append(arrived.stream()
                            .map(a -> Map.entry(a.progress().run(), a.progress().epoch()))
                            .toList());
            chartsBehind = true;
            for (Epoch a : arrived) {
                if (a.progress().boundary() != null) {
                    lastBoundary.put(a.progress().strategy(), a.progress());
                }
                if (a.svg() != null) {
                    pendingPictures.put(a.progress().strategy(), a); // only the latest of each strategy is drawn
                }
            }
        }
        long now = System.nanoTime();
        if ((chartsBehind || !pendingPictures.isEmpty())
                && (end != null || now - lastDrawn >= TimeUnit.MILLISECONDS.toNanos(DRAW_MILLIS))) {
            lastDrawn = now;
            if (chartsBehind) {
                panel.charts().redraw();
                chartsBehind = false;
            }
            for (Epoch a : pendingPictures.values()) {
                // sent once, not kept: as a property the picture would stay in the session's state tree
                picture(a.progress().strategy(), a.progress().epoch().epoch())
                        .getElement()
                        .executeJs("this.innerHTML = $0", a.svg());
            }
            pendingPictures.clear();
        } else if (chartsBehind || !pendingPictures.isEmpty()) {
            dirty.set(true); // drawn on a later tick
        }
        if (end != null) {
            stop();
            showEnd(end);
            return;
        }
        StepProgress step = lastStep.get();
        if (step != null) {
            panel.showRunning(step.step().epoch(), step.done(), step.total());
        } else if (!started && placeInLine > 0) {
            panel.showQueued(placeInLine);
        } else if (started) {
            panel.showRunning(0, 0, 0);
        }
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
        title.setText(texts.get("training.boundary.epoch", StrategyText.label(texts, strategy), epoch));
        return svg;
    }

    private void showEnd(TrainingJob end) {
        panel.running(false);
        switch (end.state()) {
            case DONE -> {
                ModelResult result = end.result();
                panel.setStatus("done", texts.get("training.done", end.spec().epochs()));
                if (result != null) {
                    showAccuracies(result);
                    List<ModelRun> kept = result.runs().stream()
                            .map(r -> new ModelRun(r.strategy(), List.of(), r.epochs(), r.diverged()))
                            .toList();
                    panel.remember(new Finished(
                            panel.spec(),
                            new ModelResult(result.spec(), result.norms(), kept),
                            new LinkedHashMap<>(lastBoundary)));
                }
            }
            case CANCELLED -> {
                java.time.Duration deadline = end.stoppedByDeadline();
                panel.setStatus(
                        "cancelled",
                        deadline == null
                                ? texts.get("training.cancelled")
                                : texts.get("training.deadline", deadline.toSeconds()));
            }
            default ->
                panel.setStatus("failed", texts.get("training.failed", end.failure() == null ? "?" : end.failure()));
        }
        if (end.state() != TrainingJob.State.DONE) {
            panel.charts().idle(texts.get("training.chart.placeholder"));
        }
        // keep only what the page shows: the job (and its every step record) can go
        job = null;
        finished = null;
        panel.forget();
    }

    /** Shows a run that finished before the view was rebuilt; UI thread. */
    void restore(Finished f) {
        ModelResult result = f.result();
        panel.boundaries().removeAll();
        panel.charts()
                .reset(panel, result.runs().stream().map(ModelRun::strategy).toList());
        List<Map.Entry<Integer, EpochRecord>> all = new ArrayList<>();
        for (int i = 0; i < result.runs().size(); i++) {
            for (EpochRecord e : result.runs().get(i).epochs()) {
                all.add(Map.entry(i, e));
            }
        }
        panel.charts().addAll(all);
        for (EpochProgress e : f.boundaries().values()) {
            DecisionGrid grid = e.boundary();
            if (grid != null && testPoints != null) {
                String svg = BoundaryPicture.svg(
                        grid,
                        testPoints,
                        texts.get(
                                "training.boundary.aria",
                                StrategyText.label(texts, e.strategy()),
                                e.epoch().epoch()));
                picture(e.strategy(), e.epoch().epoch()).getElement().executeJs("this.innerHTML = $0", svg);
            }
        }
        lastBoundary.putAll(f.boundaries());
        panel.setStatus("done", texts.get("training.done", result.spec().epochs()));
        showAccuracies(result);
    }

    private void showAccuracies(ModelResult result) {
        Div box = panel.accuracies();
        box.removeAll();
        boolean images = result.spec().features() != 2;
        for (ModelRun run : result.runs()) {
            String name = run.strategy().name();
            EpochRecord last = run.last();
            String label = StrategyText.label(texts, run.strategy());
            Paragraph p = new Paragraph(
                    run.diverged() != null || last == null || Double.isNaN(last.accuracy())
                            ? texts.get(
                                    "training.accuracy.diverged", label, run.diverged() == null ? "?" : run.diverged())
                            : texts.get(
                                    images ? "training.accuracy.images" : "training.accuracy.value",
                                    label,
                                    Numbers.format(last.accuracy() * 100, texts.locale(), 1)));
            p.setId("accuracy-" + name);
            p.addClassName("gradlab-accuracy");
            box.add(p);
        }
    }
}
