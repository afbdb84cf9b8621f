package dev.gradlab.lab.train;

import dev.gradlab.scenario.ModelScenario;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training jobs on a fixed number of threads, first come first served; the rest wait in a queue whose order is
 * visible ({@link TrainingJob#placeInLine()}). Caps keep a classroom from swamping the server: at most
 * {@code maxPerSession} unfinished jobs per session, {@code maxPerAddress} per client address and {@code maxQueued}
 * waiting jobs overall, and (optionally) at most so many submissions per client address a minute, since a client that
 * cancels each job at once never reaches the other caps. A job whose page has gone silent for longer than the heartbeat
 * timeout is cancelled, running or waiting (a silent waiting job would hold its place in line). Jobs never run on the
 * caller's thread. Each job's listener hears its events one at a time, in order. Plain Java;
 * {@link TrainingService} is the app's one instance of it.
 */
public class TrainingJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

    private final int threads;
    private final int maxQueued;
    private final int maxPerSession;
    private final int maxPerAddress;
    private final int submissionsPerAddressPerMinute;
    private final long heartbeatTimeoutMillis;
    private final Duration runDeadline;
    private final LongSupplier clock;
    private final Supplier<ModelTrainer> trainer;
    private final ExecutorService executor;
    /** Sweeps silent waiting jobs on a timer too, so a quiet server's queue and meters do not wait for a submission. */
    private final ScheduledExecutorService sweeper;

    private final AtomicLong ids = new AtomicLong();
    /** Guards {@link #waiting} and {@link #running}. */
    private final Object lock = new Object();

    private final ArrayDeque<TrainingJob> waiting = new ArrayDeque<>();
    private final List<TrainingJob> running = new ArrayList<>();
    /** Submissions per client address (Bucket4j, on the jobs' clock); guarded by {@link #lock}. */
    private final Map<String, Bucket> submissions = new HashMap<>();
    /** Addresses remembered at most; beyond, the table is cleared (buckets start full again: lenient, bounded). */
    private static final int MAX_ADDRESSES = 100_000;
    /** No limit on submissions a minute. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private boolean closed;

    // What an operator watches (dev.gradlab.ops binds them to Micrometer): plain counters, no metrics library here.
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();

    public TrainingJobs(int threads, int maxQueued, int maxPerSession) {
        this(threads, maxQueued, maxPerSession, Integer.MAX_VALUE, Duration.ofDays(365));
    }

    /**
     * @param maxPerAddress    unfinished jobs per client address (several sessions, e.g. a client without cookies)
     * @param heartbeatTimeout a job whose page has not been heard from ({@link TrainingJob#heard()}) for longer is
     *                         cancelled
     */
    public TrainingJobs(int threads, int maxQueued, int maxPerSession, int maxPerAddress, Duration heartbeatTimeout) {
        this(
                threads,
                maxQueued,
                maxPerSession,
                maxPerAddress,
                heartbeatTimeout,
                System::currentTimeMillis,
                ModelTrainer::new);
    }

    TrainingJobs(
            int threads,
            int maxQueued,
            int maxPerSession,
            int maxPerAddress,
            Duration heartbeatTimeout,
            LongSupplier clock,
            Supplier<ModelTrainer> trainer) {
        this(threads, maxQueued, maxPerSession, maxPerAddress, heartbeatTimeout, NO_DEADLINE, clock, trainer);
    }

    TrainingJobs(
            int threads,
            int maxQueued,
            int maxPerSession,
            int maxPerAddress,
            Duration heartbeatTimeout,
            Duration runDeadline,
            LongSupplier clock,
            Supplier<ModelTrainer> trainer) {
        this(
                threads,
                maxQueued,
                maxPerSession,
                maxPerAddress,
                UNLIMITED,
                heartbeatTimeout,
                runDeadline,
                clock,
                trainer);
    }

    /** No run deadline: a job may train as long as it needs. */
    static final Duration NO_DEADLINE = Duration.ofDays(365);

    /**
     * @param submissionsPerAddressPerMinute jobs one client address may submit a minute (a token bucket refilled
     *                                       gradually; {@link #UNLIMITED}: no limit)
     * @param runDeadline a job that has been training for longer is stopped ({@link TrainingJob#stoppedByDeadline()})
     */
    TrainingJobs(
            int threads,
            int maxQueued,
            int maxPerSession,
            int maxPerAddress,
            int submissionsPerAddressPerMinute,
            Duration heartbeatTimeout,
            Duration runDeadline,
            LongSupplier clock,
            Supplier<ModelTrainer> trainer) {
        if (runDeadline.isNegative() || runDeadline.isZero()) {
            throw new IllegalArgumentException("need a run deadline > 0, got " + runDeadline);
        }
        this.runDeadline = runDeadline;
        if (threads < 1
                || maxQueued < 0
                || maxPerSession < 1
                || maxPerAddress < 1
                || submissionsPerAddressPerMinute < 1
                || heartbeatTimeout.isNegative()
                || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("need threads ≥ 1, maxQueued ≥ 0, maxPerSession ≥ 1, maxPerAddress ≥ 1,"
                    + " submissionsPerAddressPerMinute ≥ 1, heartbeatTimeout > 0; got " + threads + ", " + maxQueued
                    + ", " + maxPerSession + ", " + maxPerAddress + ", " + submissionsPerAddressPerMinute + ", "
                    + heartbeatTimeout);
        }
        this.threads = threads;
        this.maxQueued = maxQueued;
        this.maxPerSession = maxPerSession;
        this.maxPerAddress = maxPerAddress;
        this.submissionsPerAddressPerMinute = submissionsPerAddressPerMinute;
        this.heartbeatTimeoutMillis = heartbeatTimeout.toMillis();
        this.clock = clock;
        this.trainer = trainer;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "training-" + n.incrementAndGet());
            t.setDaemon(true);
            // a hint only (ignored on Linux): TrainingService leaves a core free for the pages instead
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "training-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = sweepPeriodMillis(heartbeatTimeoutMillis);
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** How often the timer sweeps: a quarter of the heartbeat timeout, between 0.5 s and 10 s. */
    static long sweepPeriodMillis(long heartbeatTimeoutMillis) {
        return Math.max(500, Math.min(10_000, heartbeatTimeoutMillis / 4));
    }

    private void sweepQuietly() {
        try {
            sweepSilent();
        } catch (RuntimeException e) { // never let one bad sweep end the timer
            log.warn("sweeping silent training jobs failed", e);
        }
    }

    public int threads() {
        return threads;
    }

    /** How long one job may train before it is stopped. */
    public Duration runDeadline() {
        return runDeadline;
    }

    /**
     * Queues {@code spec} for training on behalf of {@code session}; returns at once. The listener hears
     * {@code onQueued} (if it has to wait), {@code onStarted}, every step and epoch, and {@code onFinished}.
     *
     * @throws TrainingRejectedException when the session already has {@code maxPerSession} unfinished jobs, or
     *                                   {@code maxQueued} jobs are already waiting
     */
    public TrainingJob submit(String session, ModelScenario spec, TrainingListener listener) {
        return submit(session, session, spec, listener);
    }

    /**
     * As {@link #submit(String, ModelScenario, TrainingListener)}, also capped per client {@code address}.
     *
     * @throws TrainingRejectedException also when the address already has {@code maxPerAddress} unfinished jobs, or has
     *                                   submitted too many jobs in the last minute
     */
    public TrainingJob submit(String session, String address, ModelScenario spec, TrainingListener listener) {
        sweepSilent();
        TrainingJob job;
        int place = 0;
        long version = 0;
        try {
            synchronized (lock) {
                job = admit(session, address, spec, listener);
                if (job.placeInLine() > 0) {
                    place = job.placeInLine();
                    version = lastVersion;
                }
            }
        } catch (TrainingRejectedException e) {
            refused.incrementAndGet();
            throw e;
        }
        if (place > 0) {
            notifyQueued(job, place, version);
        }
        return job;
    }

    /** The version of the place {@link #admit} gave the job it queued last; read under the lock. */
    private long lastVersion;

    /** Under the lock: checks the caps and starts or queues a new job. */
    private TrainingJob admit(String session, String address, ModelScenario spec, TrainingListener listener) {
        TrainingJob job;
        if (closed) {
            throw new TrainingRejectedException(
                    TrainingRejectedException.Reason.SHUTTING_DOWN, 0, "the training service is shutting down");
        }
        long mine = running.stream().filter(j -> j.session().equals(session)).count()
                + waiting.stream().filter(j -> j.session().equals(session)).count();
        if (mine >= maxPerSession) {
            throw new TrainingRejectedException(
                    TrainingRejectedException.Reason.SESSION_LIMIT,
                    maxPerSession,
                    "you already have " + mine + " training job"
                            + (mine == 1 ? "" : "s") + " running or waiting (at most " + maxPerSession
                            + " per session): wait for one to finish or cancel it");
        }
        long fromAddress = running.stream()
                        .filter(j -> j.address().equals(address))
                        .count()
                + waiting.stream().filter(j -> j.address().equals(address)).count();
        if (fromAddress >= maxPerAddress) {
            throw new TrainingRejectedException(
                    TrainingRejectedException.Reason.ADDRESS_LIMIT,
                    maxPerAddress,
                    "your address already has " + fromAddress + " training jobs running or waiting (at most "
                            + maxPerAddress + " per address): wait for one to finish or cancel it");
        }
        boolean starts = running.size() < threads;
        if (!starts && waiting.size() >= maxQueued) {
            throw new TrainingRejectedException(
                    TrainingRejectedException.Reason.QUEUE_FULL,
                    maxQueued,
                    "the training queue is full (" + count(waiting.size(), "job") + " waiting for "
                            + count(threads, "training thread") + "): try again in a minute");
        }
        // last, so that a submission another cap refuses costs no token
        if (submissionsPerAddressPerMinute != UNLIMITED
                && !submissionBucket(address).tryConsume(1)) {
            throw new TrainingRejectedException(
                    TrainingRejectedException.Reason.RATE_LIMIT,
                    submissionsPerAddressPerMinute,
                    "your address has submitted " + submissionsPerAddressPerMinute
                            + " training jobs in the last minute (at most " + submissionsPerAddressPerMinute
                            + " a minute per address): try again in a minute");
        }
        job = new TrainingJob(ids.incrementAndGet(), session, address, spec, listener, this, clock);
        if (starts) {
            start(job);
        } else {
            waiting.add(job);
            lastVersion = job.queued(waiting.size());
        }
        return job;
    }

    /** Under the lock: the address's token bucket, on the jobs' clock (so tests can move time). */
    private Bucket submissionBucket(String address) {
        if (submissions.size() > MAX_ADDRESSES) {
            submissions.clear();
        }
        return submissions.computeIfAbsent(
                address,
                a -> Bucket.builder()
                        .withCustomTimePrecision(new TimeMeter() {
                            @Override
                            public long currentTimeNanos() {
                                return clock.getAsLong() * 1_000_000;
                            }

                            @Override
                            public boolean isWallClockBased() {
                                return true;
                            }
                        })
                        .addLimit(Bandwidth.builder()
                                .capacity(submissionsPerAddressPerMinute)
                                .refillGreedy(submissionsPerAddressPerMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
    }

    /**
     * Cancels the waiting jobs whose page has been silent for longer than the heartbeat timeout: a running job notices
     * its own silence between steps, but a waiting one would keep its place in line (and a full queue would turn
     * others away) until it reached a thread. Called before a job is admitted, before the next one is started, and on
     * a timer ({@link #sweepPeriodMillis}).
     */
    private void sweepSilent() {
        long now = clock.getAsLong();
        List<TrainingJob> silent;
        synchronized (lock) {
            silent = waiting.stream()
                    .filter(j -> now - j.lastHeard() > heartbeatTimeoutMillis)
                    .toList();
        }
        silent.forEach(TrainingJob::cancel);
    }

    /** Under the lock: gives {@code job} a thread. */
    private void start(TrainingJob job) {
        running.add(job);
        job.started();
        started.incrementAndGet();
        waitedMillis.addAndGet(Math.max(0, clock.getAsLong() - job.submitted()));
        executor.execute(() -> run(job));
    }

    /** Jobs that got a thread, since the start. */
    public long startedCount() {
        return started.get();
    }

    /** Jobs cancelled (by their page, a closed tab, a silent page or shutdown), waiting or running, since the start. */
    public long cancelledCount() {
        return cancelled.get();
    }

    /** Submissions refused (a cap or a full queue), since the start. */
    public long refusedCount() {
        return refused.get();
    }

    /** Milliseconds the {@link #startedCount() started} jobs waited in the queue, summed. */
    public long totalWaitMillis() {
        return waitedMillis.get();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The session's unfinished jobs, oldest first (e.g. to show, or to cancel when its tab closes). */
    public List<TrainingJob> jobs(String session) {
        synchronized (lock) {
            List<TrainingJob> out = new ArrayList<>();
            running.stream().filter(j -> j.session().equals(session)).forEach(out::add);
            waiting.stream().filter(j -> j.session().equals(session)).forEach(out::add);
            return out;
        }
    }

    /** Cancels every unfinished job of {@code session}. */
    public void cancelAll(String session) {
        jobs(session).forEach(TrainingJob::cancel);
    }

    /** Jobs waiting for a thread. */
    public int queued() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Jobs training now. */
    public int active() {
        synchronized (lock) {
            return running.size();
        }
    }

    void cancel(TrainingJob job) {
        boolean removed;
        synchronized (lock) {
            removed = waiting.remove(job);
        }
        if (removed && job.finish(TrainingJob.State.CANCELLED, null, null)) {
            cancelled.incrementAndGet();
            notifyFinished(job);
            renumber();
        }
        // a running job sees isCancelRequested() before its next step
    }

    private void run(TrainingJob job) {
        TrainingJob.State end = TrainingJob.State.CANCELLED;
        ModelResult result = null;
        String failure = null;
        try {
            if (!stopped(job)) {
                job.deliver(() -> call(job, () -> job.listener().onStarted(job)));
                result = trainer.get().train(job.spec(), new Forward(job), () -> stopped(job));
                end = TrainingJob.State.DONE;
            }
        } catch (TrainingCancelledException e) {
            end = TrainingJob.State.CANCELLED;
        } catch (RuntimeException e) {
            end = TrainingJob.State.FAILED;
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (Error e) { // e.g. OutOfMemoryError from a huge model: the thread must go on serving the queue
            end = TrainingJob.State.FAILED;
            failure = "internal error: " + e;
        } finally {
            boolean first = job.finish(end, result, failure);
            if (first && end == TrainingJob.State.CANCELLED) {
                cancelled.incrementAndGet();
            }
            // free the slot before telling anyone, so whoever hears "finished" sees the pool as it now is
            startNext(job);
            if (first) {
                notifyFinished(job);
            }
        }
    }

    /**
     * Cancelled, or its page has been silent for longer than the heartbeat timeout, or it has trained for longer than
     * the run deadline (then cancels it).
     */
    private boolean stopped(TrainingJob job) {
        long now = clock.getAsLong();
        if (!job.isCancelRequested() && now - job.lastHeard() > heartbeatTimeoutMillis) {
            job.cancel();
        }
        if (!job.isCancelRequested() && now - job.startedAt() > runDeadline.toMillis()) {
            job.stopAtDeadline(runDeadline);
        }
        return job.isCancelRequested();
    }

    private void startNext(TrainingJob finished) {
        sweepSilent();
        synchronized (lock) {
            running.remove(finished);
            TrainingJob next = closed ? null : waiting.poll();
            if (next != null) {
                start(next);
            }
        }
        renumber();
    }

    /**
     * Tells every waiting job its (new) place in line. Places are assigned under the lock, each with a new version
     * of the job's place; a notification is delivered only if its version is still the job's latest and the job
     * still waits, so a slow or late notifier can never tell a job an old place, or that it waits once it has started.
     */
    private void renumber() {
        List<TrainingJob> moved = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        synchronized (lock) {
            int place = 0;
            for (TrainingJob j : waiting) {
                place++;
                if (j.placeInLine() != place) {
                    moved.add(j);
                    versions.add(j.queued(place));
                    places.add(place);
                }
            }
        }
        for (int i = 0; i < moved.size(); i++) {
            TrainingJob j = moved.get(i);
            notifyQueued(j, places.get(i), versions.get(i));
        }
    }

    private void notifyQueued(TrainingJob job, int place, long version) {
        job.deliver(() -> {
            if (job.isCurrentPlace(version)) {
                call(job, () -> job.listener().onQueued(job, place));
            }
        });
    }

    private void notifyFinished(TrainingJob job) {
        try {
            job.deliver(() -> job.listener().onFinished(job));
        } catch (RuntimeException ignored) {
            // the job is over either way; a broken listener must not take the training thread down
        } finally {
            job.released();
        }
    }

    /** Runs a listener callback; a failing listener means nobody is watching any more, so the job is cancelled. */
    private static void call(TrainingJob job, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            job.cancel();
        }
    }

    /** Hands the trainer's progress to the job and its listener. */
    private static final class Forward implements TrainingProgress {
        private final TrainingJob job;

        Forward(TrainingJob job) {
            this.job = job;
        }

        @Override
        public void onStep(StepProgress step) {
            job.progressed(step.done(), step.total());
            job.deliver(() -> call(job, () -> job.listener().onStep(step)));
        }

        @Override
        public void onEpoch(EpochProgress epoch) {
            job.progressed(epoch.done(), epoch.total());
            job.epoch(epoch);
            job.deliver(() -> call(job, () -> job.listener().onEpoch(epoch)));
        }
    }

    /** Cancels everything and stops the threads (waits up to 5 s for running jobs to notice). */
    @Override
    public void close() {
        List<TrainingJob> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(running);
            all.addAll(waiting);
        }
        all.forEach(TrainingJob::cancel);
        sweeper.shutdownNow();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: the jobs waiting, in order. */
    List<TrainingJob> waiting() {
        synchronized (lock) {
            return new ArrayList<>(waiting);
        }
    }
}
