package dev.gradlab.lab.train;

/**
 * The application's one pool of training threads ({@link TrainingJobs}), as many as the machine has cores. Settings:
 * {@code gradlab.training.max-queued} (waiting jobs overall, default 60) and
 * {@code gradlab.training.max-per-session} (unfinished jobs per browser session, default 2). Plain Java: the
 * application declares one instance as a bean ({@code dev.gradlab.GradlabBeans}), which closes it on shutdown.
 */
public class TrainingService extends TrainingJobs {

    public TrainingService(int maxQueued, int maxPerSession) {
        super(Runtime.getRuntime().availableProcessors(), maxQueued, maxPerSession);
    }
}
