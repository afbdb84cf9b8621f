package dev.gradlab.api;

import dev.gradlab.cli.ModelRunJson;
import dev.gradlab.cli.RunJson;
import dev.gradlab.engine.AutogradException;
import dev.gradlab.lab.RunDeadline;
import dev.gradlab.lab.RunDeadlineException;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.train.ModelResult;
import dev.gradlab.lab.train.TrainingJob;
import dev.gradlab.lab.train.TrainingListener;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.scenario.EvaluationException;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.store.ScenarioStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The {@code run} command's JSON for a stored text, from the same producers ({@link RunJson}, {@link ModelRunJson});
 * model scenarios train on the application's bounded {@link TrainingService}, which refuses when its queue is full.
 */
@Service
class ScenarioRuns {

    static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private final TrainingService training;
    private final double deadlineSeconds;
    private final AtomicLong requests = new AtomicLong();

    ScenarioRuns(TrainingService training, @Value("${gradlab.run.deadline:}") String deadline) {
        this.training = training;
        this.deadlineSeconds = RunDeadline.parseSeconds(deadline);
    }

    /** As {@link #runJson(String, String)}, each call as if from an address of its own. */
    String runJson(String source) {
        return runJson(source, "api-" + requests.incrementAndGet());
    }

    /**
     * The run's JSON; a model scenario trains on the queue under the client {@code address}'s caps (unfinished jobs, and
     * submissions a minute), so one API client cannot take more than a browser behind that address could.
     */
    String runJson(String source, String address) {
        Scenario scenario = ScenarioStore.validate(source);
        String name = ScenarioStore.FILE_NAME;
        try {
            if (!(scenario instanceof ModelScenario model)) {
                return scenario.<String>match(
                        m -> RunJson.write(new Runner().run(m, RunDeadline.after(deadlineSeconds))),
                        e -> RunJson.write(new Runner().run(e, RunDeadline.after(deadlineSeconds))),
                        m -> {
                            throw new IllegalStateException("a model scenario trains on the queue");
                        });
            }
            // One session per request: the per-browser cap does not apply, the address's caps and the queue bound (429)
            // do.
            TrainingJob job =
                    training.submit("api-" + requests.incrementAndGet(), address, model, new TrainingListener() {});
            if (!job.awaitFinished(MAX_WAIT)) {
                job.cancel();
                throw new ApiError(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "training took longer than " + MAX_WAIT.toMinutes() + " minutes and was cancelled");
            }
            ModelResult result = job.result();
            Duration deadline = job.stoppedByDeadline();
            if (result == null && deadline != null) {
                throw new RunDeadlineException(deadline.toMillis() / 1000.0);
            }
            if (result == null) {
                throw new ApiError(HttpStatus.BAD_REQUEST, name + ": model: " + job.failure());
            }
            return ModelRunJson.write(scenario.id(), result);
        } catch (RunDeadlineException e) {
            throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, name + ": " + e.getMessage());
        } catch (EvaluationException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, name + ": loss, " + e.getMessage());
        } catch (AutogradException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, "the server is shutting down");
        }
    }
}
