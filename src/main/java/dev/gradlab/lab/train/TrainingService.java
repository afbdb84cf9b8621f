package dev.gradlab.lab.train;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The application's one pool of training threads ({@link TrainingJobs}), as many as the machine has cores. Settings:
 * {@code gradlab.training.max-queued} (waiting jobs overall, default 60) and
 * {@code gradlab.training.max-per-session} (unfinished jobs per browser session, default 2).
 */
@Service
public class TrainingService extends TrainingJobs {

    public TrainingService(@Value("${gradlab.training.max-queued:60}") int maxQueued,
            @Value("${gradlab.training.max-per-session:2}") int maxPerSession) {
        super(Runtime.getRuntime().availableProcessors(), maxQueued, maxPerSession);
    }

    @PreDestroy
    void shutdown() {
        close();
    }
}
