package dev.gradlab.cli;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.lab.data.DatasetException;
import dev.gradlab.lab.train.ModelDataException;
import dev.gradlab.scenario.EvaluationException;
import dev.gradlab.scenario.Limits;
import dev.gradlab.scenario.ScenarioException;
import java.io.PrintStream;

/**
 * The one line a command prints when a scenario cannot be run or exported, and its exit status: 2 for whatever the
 * input caused (a bad file, a loss that cannot be evaluated, a scenario too long or too big for this run), 1 for a bug.
 * {@code run} and {@code export} share it, so the same file fails the same way under both.
 */
final class Failures {

    private Failures() {}

    /** Prints {@code failure}'s line for the scenario {@code name}; {@code doing} is "run" or "export". */
    static int report(String name, String doing, Throwable failure, PrintStream err) {
        if (failure instanceof ScenarioException) {
            err.println(failure.getMessage());
        } else if (failure instanceof EvaluationException) {
            err.println(name + ": loss, " + failure.getMessage());
        } else if (failure instanceof AutogradException) {
            err.println(name + ": " + failure.getMessage());
        } else if (failure instanceof DatasetException) {
            err.println(name + ": dataset: " + failure.getMessage());
        } else if (failure instanceof ModelDataException) {
            err.println(name + ": model: " + failure.getMessage());
        } else if (failure instanceof StackOverflowError) {
            // The input's length reached a walk that still recurses: the input's doing, not a crash.
            err.println(name + ": the scenario is too long or too deeply nested to " + doing);
        } else if (failure instanceof OutOfMemoryError) {
            err.println(name + ": the scenario needs more memory than this " + doing + " may use (-Xmx "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
        } else if (failure instanceof NumberFormatException || failure instanceof ArithmeticException) {
            err.println(name + ": a number in the scenario cannot be used ("
                    + Limits.cut(String.valueOf(failure.getMessage()), 60) + ")");
        } else {
            // Not the user's fault: a bug. Still one line, and a distinct status.
            err.println(name + ": internal error while " + (doing.equals("run") ? "running" : "exporting")
                    + " the scenario (" + failure.getClass().getSimpleName() + ")");
            return 1;
        }
        return 2;
    }
}
