package dev.gradlab.lab.train;

import dev.gradlab.scenario.ModelScenario;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A handle on one submitted training: its state, its progress and, once done, its result. Safe to read from any
 * thread.
 */
public final class TrainingJob {

    public enum State {
        /** Waiting for a free training thread; see {@link #placeInLine()}. */
        QUEUED,
        /** Training; see {@link #progress()}. */
        RUNNING,
        /** Finished; see {@link #result()}. */
        DONE,
        /** Cancelled before or during training. */
        CANCELLED,
        /** Training failed; see {@link #failure()}. */
        FAILED;

        public boolean isFinished() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }
    }

    private final long id;
    private final String session;
    private final String address;
    private final LongSupplier clock;
    /** Serialises the listener's callbacks for this job. */
    private final Object delivery = new Object();

    private volatile long placeVersion;
    private volatile long lastHeard;
    /** When it was submitted, on the jobs' clock: the start of its wait. */
    private final long submitted;

    private final ModelScenario spec;
    private final TrainingListener listener;
    private final TrainingJobs owner;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile State state = State.QUEUED;
    private volatile int placeInLine;
    private volatile boolean cancelRequested;
    private volatile long startedAt;
    private volatile @Nullable Duration deadline;
    private volatile long done;
    private volatile long total;
    private volatile @Nullable EpochProgress lastEpoch;
    private volatile @Nullable ModelResult result;
    private volatile @Nullable String failure;

    TrainingJob(
            long id,
            String session,
            String address,
            ModelScenario spec,
            TrainingListener listener,
            TrainingJobs owner,
            LongSupplier clock) {
        this.id = id;
        this.session = session;
        this.address = address;
        this.clock = clock;
        this.lastHeard = clock.getAsLong();
        this.submitted = lastHeard;
        this.spec = spec;
        this.listener = listener;
        this.owner = owner;
    }

    public long id() {
        return id;
    }

    /** Who submitted it (a browser session, for the per-session cap). */
    public String session() {
        return session;
    }

    /** The client address that submitted it, for the per-address cap. */
    public String address() {
        return address;
    }

    /** Its page is still there (called by the page, e.g. on its heartbeat); a silent job is cancelled. */
    public void heard() {
        lastHeard = clock.getAsLong();
    }

    /** As {@link #heard()}, at a given time of the jobs' clock (milliseconds; production: wall clock). */
    public void heardAt(long millis) {
        if (millis > lastHeard) {
            lastHeard = millis;
        }
    }

    long lastHeard() {
        return lastHeard;
    }

    public ModelScenario spec() {
        return spec;
    }

    public State state() {
        return state;
    }

    /** 1-based place among the waiting jobs while {@link State#QUEUED}; 0 otherwise. */
    public int placeInLine() {
        return state == State.QUEUED ? placeInLine : 0;
    }

    /** Steps done over all strategies so far, out of {@link #totalSteps()} (0 until training starts). */
    public long stepsDone() {
        return done;
    }

    public long totalSteps() {
        return total;
    }

    /** Share of the work done, 0 … 1 (1 once DONE). */
    public double progress() {
        if (state == State.DONE) {
            return 1;
        }
        long t = total;
        return t == 0 ? 0 : (double) done / t;
    }

    /** The most recent finished epoch of any strategy, or null. */
    public @Nullable EpochProgress lastEpoch() {
        return lastEpoch;
    }

    /** The runs, once {@link State#DONE}; null before and after cancel or failure. */
    public @Nullable ModelResult result() {
        return result;
    }

    /** What went wrong, once {@link State#FAILED}. */
    public @Nullable String failure() {
        return failure;
    }

    /**
     * Cancels the job: a queued job leaves the queue at once; a running one stops before its next step (within one
     * batch). Does nothing once the job has finished.
     */
    public void cancel() {
        cancelRequested = true;
        owner.cancel(this);
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** The run deadline that stopped this job, or null if it was not stopped by one. */
    public @Nullable Duration stoppedByDeadline() {
        return deadline;
    }

    /** The jobs' clock when training started (0 while queued). */
    long startedAt() {
        return startedAt;
    }

    void stopAtDeadline(Duration passed) {
        deadline = passed;
        cancel();
    }

    /** Waits until the job has finished and its listener has heard so; returns whether it did within {@code timeout}. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    TrainingListener listener() {
        return listener;
    }

    /** Under the jobs' lock: a new place; returns its version. */
    long queued(int place) {
        placeInLine = place;
        return ++placeVersion;
    }

    /** Whether the place of {@code version} is still the job's place and the job still waits. */
    boolean isCurrentPlace(long version) {
        return state == State.QUEUED && placeVersion == version;
    }

    long submitted() {
        return submitted;
    }

    /** Under the jobs' lock. */
    void started() {
        startedAt = clock.getAsLong();
        state = State.RUNNING;
        placeVersion++;
    }

    /** Runs a listener callback, never at the same time as another of this job's. */
    void deliver(Runnable callback) {
        synchronized (delivery) {
            callback.run();
        }
    }

    void progressed(long done, long total) {
        this.done = done;
        this.total = total;
    }

    void epoch(EpochProgress e) {
        lastEpoch = e;
    }

    /** Sets the final state once; returns false if the job had already finished. */
    synchronized boolean finish(State end, @Nullable ModelResult result, @Nullable String failure) {
        if (state.isFinished()) {
            return false;
        }
        this.result = result;
        this.failure = failure;
        this.state = end;
        return true;
    }

    /** After the listener has heard the end: wakes {@link #awaitFinished} callers. */
    void released() {
        finished.countDown();
    }

    @Override
    public String toString() {
        return "TrainingJob[" + id + ", " + state + (state == State.QUEUED ? " #" + placeInLine : "") + ", "
                + spec.dataset() + "]";
    }
}
