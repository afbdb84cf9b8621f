package dev.gradlab.cli;

import dev.gradlab.lab.RunDeadline;
import dev.gradlab.lab.RunDeadlineException;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.lab.train.TrainingCancelledException;
import dev.gradlab.lab.train.TrainingProgress;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioFiles;
import dev.gradlab.scenario.ScenarioParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code run FILE|ID}: parse and validate a scenario, run its strategies, print one JSON document ({@link RunJson}).
 * Bad input: status 2 and one line on stderr; nothing on stdout, so no partial result is ever printed. An internal
 * error (a bug) gives status 1, also as one line. A run longer than its deadline is cancelled: status 2, one line.
 */
public final class RunCommand {

    /** Seconds a run may take before it is cancelled; {@code -Dgradlab.run.deadline=SECONDS} sets another. */
    static final double DEFAULT_DEADLINE_SECONDS = RunDeadline.DEFAULT_SECONDS;
    /** The worker's status when it stopped at the deadline. */
    private static final int STOPPED = -2;
    /** Room for engine walks on the worker thread beyond a default thread's stack. */
    private static final long WORKER_STACK = 256L * 1024 * 1024;

    private RunCommand() {}

    /**
     * Runs the scenario file {@code fileOrId} names or, when no such file exists, the built-in scenario with that id;
     * returns the exit status (0 ok, 2 bad input, also when it is neither).
     */
    public static int run(String fileOrId, PrintStream out, PrintStream err) {
        try {
            deadlineSeconds(System.getProperty("gradlab.run.deadline")); // a bad setting is named before the input
        } catch (IllegalArgumentException e) {
            err.println("gradlab: " + e.getMessage());
            return 2;
        }
        Path file;
        try {
            file = Path.of(fileOrId);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && Files.exists(file)) {
            return run(file, out, err);
        }
        Optional<Scenario> builtIn = BuiltInScenarios.find(fileOrId);
        if (builtIn.isPresent()) {
            return run(fileOrId, () -> builtIn.get(), out, err);
        }
        err.println(fileOrId + ": no such file, nor the id of a built-in scenario (built-in ids: "
                + BuiltInScenarios.all().stream().map(Scenario::id).collect(Collectors.joining(", ")) + ")");
        return 2;
    }

    /** Runs {@code file}; returns the exit status (0 ok, 2 bad input). */
    public static int run(Path file, PrintStream out, PrintStream err) {
        String name = file.toString();
        return run(name, () -> ScenarioParser.parse(ScenarioFiles.read(file), name), out, err);
    }

    private interface ScenarioSource {
        Scenario get() throws ScenarioException;
    }

    private static int run(String name, ScenarioSource source, PrintStream out, PrintStream err) {
        double deadline;
        try {
            deadline = deadlineSeconds(System.getProperty("gradlab.run.deadline"));
        } catch (IllegalArgumentException e) {
            err.println("gradlab: " + e.getMessage());
            return 2;
        }
        StringBuilder result = new StringBuilder();
        int[] status = {-1};
        AtomicBoolean given = new AtomicBoolean();
        // The run happens on a worker so the deadline can stop waiting for it; its output is kept until it succeeds.
        // The worker checks the same deadline (and whether it was given up) before every step, so it stops too.
        RunDeadline limit = RunDeadline.after(deadline, given::get);
        Thread worker = new Thread(
                null, () -> status[0] = runNow(source, name, limit, result, err), "gradlab-run", WORKER_STACK);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join((long) (deadline * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive() || status[0] == STOPPED) {
            given.set(true);
            worker.interrupt();
            err.println(name + ": cancelled: the run took longer than its deadline of " + RunDeadline.text(deadline)
                    + " s (-Dgradlab.run.deadline=SECONDS sets another)");
            return 2;
        }
        if (status[0] == 0) {
            out.print(result);
            out.flush();
        }
        return status[0];
    }

    static double deadlineSeconds(@Nullable String property) {
        return RunDeadline.parseSeconds(property);
    }

    private static int runNow(
            ScenarioSource source, String name, RunDeadline limit, StringBuilder result, PrintStream err) {
        try {
            Scenario scenario = source.get();
            result.append(scenario.<String>match(
                    m -> RunJson.write(new Runner().run(m, limit)),
                    e -> RunJson.write(new Runner().run(e, limit)),
                    m -> ModelRunJson.write(
                            m.id(), new ModelTrainer().train(m, TrainingProgress.NONE, limit::passed))));
            return 0;
        } catch (RunDeadlineException | TrainingCancelledException e) {
            return STOPPED; // the caller says so: the worker just stops
        } catch (ScenarioException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Failures.report(name, "run", e, err);
        }
    }
}
