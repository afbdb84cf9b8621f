package dev.gradlab.lab.train;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The application's one pool of training threads ({@link TrainingJobs}), as many as the machine has cores. Settings:
 * {@code gradlab.training.max-queued} (waiting jobs overall, default 60) and
 * {@code gradlab.training.max-per-session} (unfinished jobs per browser session, default 2),
 * {@code gradlab.training.max-per-address} (unfinished jobs per client address, default 4) and
 * {@code gradlab.training.heartbeat-timeout} (a job whose page has been silent this long is cancelled, default 60 s).
 */
@Service
public class TrainingService extends TrainingJobs {

    public TrainingService(@Value("${gradlab.training.max-queued:60}") int maxQueued,
            @Value("${gradlab.training.max-per-session:2}") int maxPerSession,
            @Value("${gradlab.training.max-per-address:4}") int maxPerAddress,
            @Value("${gradlab.training.heartbeat-timeout:60s}") Duration heartbeatTimeout) {
        super(Runtime.getRuntime().availableProcessors(), maxQueued, maxPerSession, maxPerAddress, heartbeatTimeout);
    }

    @PreDestroy
    void shutdown() {
        close();
    }
}
