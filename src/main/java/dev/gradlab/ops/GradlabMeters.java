package dev.gradlab.ops;

import dev.gradlab.base.web.CrowdGuard;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.train.TrainingService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GradLab's own meters, read from the plain counters of the features (which know no metrics library) each time
 * Prometheus scrapes: in Prometheus' names {@code gradlab_sessions_active}, {@code gradlab_sessions_max},
 * {@code gradlab_training_queue_length}, {@code gradlab_training_running}, {@code gradlab_training_wait_seconds}
 * (count and sum over the jobs that got a thread), {@code gradlab_training_jobs_total{outcome=started|cancelled|refused}}
 * and {@code gradlab_lab_step_renders_total}.
 */
@Configuration(proxyBeanMethods = false)
class GradlabMeters {

    @Bean
    MeterBinder gradlabMeterBinder(CrowdGuard crowd, TrainingService training, LabService lab) {
        return registry -> {
            Gauge.builder("gradlab.sessions.active", crowd, CrowdGuard::openSessions)
                    .description("open HTTP sessions (students' browser sessions)")
                    .register(registry);
            Gauge.builder("gradlab.sessions.max", crowd, CrowdGuard::maxSessions)
                    .description("the session cap, gradlab.sessions.max")
                    .register(registry);
            Gauge.builder("gradlab.training.queue.length", training, TrainingService::queued)
                    .description("training jobs waiting for a thread")
                    .register(registry);
            Gauge.builder("gradlab.training.running", training, TrainingService::active)
                    .description("training jobs training now")
                    .register(registry);
            FunctionTimer.builder(
                            "gradlab.training.wait",
                            training,
                            TrainingService::startedCount,
                            TrainingService::totalWaitMillis,
                            TimeUnit.MILLISECONDS)
                    .description("time the started training jobs waited in the queue")
                    .register(registry);
            jobs(registry, training, "started", TrainingService::startedCount);
            jobs(registry, training, "cancelled", TrainingService::cancelledCount);
            jobs(registry, training, "refused", TrainingService::refusedCount);
            FunctionCounter.builder("gradlab.lab.step.renders", lab, LabService::stepRenders)
                    .description("steps shown in a Lab")
                    .register(registry);
        };
    }

    private static void jobs(
            io.micrometer.core.instrument.MeterRegistry registry,
            TrainingService training,
            String outcome,
            ToDoubleFunction<TrainingService> count) {
        FunctionCounter.builder("gradlab.training.jobs", training, count)
                .tag("outcome", outcome)
                .description("training jobs by outcome, since the start")
                .register(registry);
    }
}
