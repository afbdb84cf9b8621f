package dev.gradlab.lab.train;

import java.time.Duration;

/**
 * The application's one pool of training threads ({@link TrainingJobs}), one fewer than the machine has cores
 * ({@code gradlab.training.threads} sets another number). Settings:
 * {@code gradlab.training.max-queued} (waiting jobs overall, default 60),
 * {@code gradlab.training.max-per-session} (unfinished jobs per browser session, default 2),
 * {@code gradlab.training.max-per-address} (unfinished jobs per client address, default a quarter of the queue, see
 * {@link #defaultMaxPerAddress(int)}: a class behind one school NAT address shares it),
 * {@code gradlab.training.submissions-per-address-per-minute} (jobs one client address may submit a minute, default 60:
 * a class behind one address starting a run each, twice; a client that cancels each job at once and submits again
 * never reaches the caps above),
 * {@code gradlab.training.heartbeat-timeout} (a job whose page has been silent this long is cancelled, default 60 s) and
 * {@code gradlab.run.deadline} (seconds a job may train before it is stopped, default 300).
 * Plain Java: the application declares one instance as a bean ({@code dev.gradlab.GradlabBeans}), which closes it on
 * shutdown.
 */
public class TrainingService extends TrainingJobs {

    /**
     * One training thread fewer than the machine has cores (at least one), so a core is always left for the web
     * server and the pages: Java thread priorities mean nothing on Linux, so training on every core made each click of
     * a training page wait for the CPU (a second and more on two cores).
     */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * A quarter of the waiting places, at least 1 (15 of the default 60): one client without cookies, which opens a new
     * session with every request, may then take no more than a quarter of the queue, where 30 let it take half.
     */
    public static int defaultMaxPerAddress(int maxQueued) {
        return Math.max(1, maxQueued / 4);
    }

    public TrainingService(int maxQueued, int maxPerSession, int maxPerAddress, Duration heartbeatTimeout) {
        super(defaultThreads(), maxQueued, maxPerSession, maxPerAddress, heartbeatTimeout);
    }

    /**
     * As above, on {@code threads} training threads (0: {@link #defaultThreads()}); a job that has trained for longer
     * than {@code runDeadline} is stopped ({@code gradlab.run.deadline}).
     */
    public TrainingService(
            int threads,
            int maxQueued,
            int maxPerSession,
            int maxPerAddress,
            Duration heartbeatTimeout,
            Duration runDeadline) {
        this(threads, maxQueued, maxPerSession, maxPerAddress, UNLIMITED, heartbeatTimeout, runDeadline);
    }

    /** As above, and at most {@code submissionsPerAddressPerMinute} jobs submitted a minute per client address. */
    public TrainingService(
            int threads,
            int maxQueued,
            int maxPerSession,
            int maxPerAddress,
            int submissionsPerAddressPerMinute,
            Duration heartbeatTimeout,
            Duration runDeadline) {
        super(
                threads == 0 ? defaultThreads() : threads,
                maxQueued,
                maxPerSession,
                maxPerAddress,
                submissionsPerAddressPerMinute,
                heartbeatTimeout,
                runDeadline,
                System::currentTimeMillis,
                ModelTrainer::new);
    }
}
