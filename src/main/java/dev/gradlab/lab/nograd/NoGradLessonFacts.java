package dev.gradlab.lab.nograd;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The numbers behind the no_grad lesson, in the course's setting (784-128-10 MLP over the bundled Fashion-MNIST test
 * images). Loading the images is the slow part, so it happens once per application; the deterministic results (the
 * leak, the refusal, the eval table) are kept, while the timed comparison is measured afresh on every call. Plain
 * Java: the application declares one instance as a bean ({@code dev.gradlab.GradlabBeans}).
 */
public final class NoGradLessonFacts {

    /** Batches shown in the comparison and the leak: enough for a trend, few enough for a phone. */
    public static final int BATCHES = 8;

    public static final double DROPOUT = 0.5;
    public static final int ROWS = 4;

    /** Untimed rounds before measuring, and timed rounds the verdict rests on. */
    public static final int WARMUPS = 3;

    public static final int REPETITIONS = 9;

    /** One daemon thread for the timings: they are measured one at a time, off every page's request thread. */
    private final SharedMeasurement<EvaluationTiming> timing;

    private volatile @Nullable NoGradFacts facts;

    public NoGradLessonFacts() {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gradlab-nograd-timing");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        }));
    }

    /** With the executor the timed comparison runs on (one thread: timings taken side by side would disturb each other). */
    public NoGradLessonFacts(Executor timingExecutor) {
        this.timing = new SharedMeasurement<>(timingExecutor, this::measure);
    }

    private volatile @Nullable List<LeakPoint> leak;
    private volatile @Nullable List<ModeFacts> modes;

    private NoGradFacts facts() {
        NoGradFacts f = facts;
        if (f == null) {
            synchronized (this) {
                f = facts;
                if (f == null) {
                    f = NoGradFacts.fashionMnist();
                    facts = f;
                }
            }
        }
        return f;
    }

    public int batchSize() {
        return facts().batchSize();
    }

    public int batches() {
        return Math.min(BATCHES, facts().batches());
    }

    /** Measured now: times differ from call to call, graph sizes do not. */
    public List<BatchComparison> compare() {
        return facts().compareEvaluation(batches());
    }

    /** Measured now, warmed up and repeated ({@link #WARMUPS}, {@link #REPETITIONS}): medians, spreads, a verdict. */
    public EvaluationTiming measure() {
        return facts().measureEvaluation(batches(), WARMUPS, REPETITIONS);
    }

    /**
     * {@link #measure()} on the timing executor, returning at once: a page shows "measuring" and pushes the result when
     * it comes. A caller who asks while a measurement runs shares that one.
     */
    public CompletableFuture<EvaluationTiming> measureAsync() {
        return timing.get();
    }

    public List<LeakPoint> leak() {
        List<LeakPoint> l = leak;
        if (l == null) {
            l = facts().leak(batches());
            leak = l;
        }
        return l;
    }

    /** Runs backward() on a no-grad loss for real, every time it is asked. */
    public BackwardFailure tryBackward() {
        return facts().backwardOnNoGradResult();
    }

    public List<ModeFacts> modes() {
        List<ModeFacts> m = modes;
        if (m == null) {
            m = facts().evalVersusNoGrad(DROPOUT, ROWS);
            modes = m;
        }
        return m;
    }
}
