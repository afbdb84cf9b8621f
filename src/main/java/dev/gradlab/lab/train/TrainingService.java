package dev.gradlab.lab.train;

import java.time.Duration;

/**
 * The application's one pool of training threads ({@link TrainingJobs}), as many as the machine has cores. Settings:
 * {@code gradlab.training.max-queued} (waiting jobs overall, default 60),
 * {@code gradlab.training.max-per-session} (unfinished jobs per browser session, default 2),
 * {@code gradlab.training.max-per-address} (unfinished jobs per client address, default 30: a class behind one school NAT address shares it) and
 * {@code gradlab.training.heartbeat-timeout} (a job whose page has been silent this long is cancelled, default 60 s).
 * Plain Java: the application declares one instance as a bean ({@code dev.gradlab.GradlabBeans}), which closes it on
 * shutdown.
 */
public class TrainingService extends TrainingJobs {

    public TrainingService(int maxQueued, int maxPerSession, int maxPerAddress, Duration heartbeatTimeout) {
        super(Runtime.getRuntime().availableProcessors(), maxQueued, maxPerSession, maxPerAddress, heartbeatTimeout);
    }
}
