package dev.gradlab.cli;

import java.io.PrintStream;
import java.util.Set;

/** The headless commands behind {@code java -jar gradlab.jar COMMAND ...}. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("run", "bench");

    private Cli() {
    }

    /** Whether {@code word} names a headless command (so no web server should start). */
    public static boolean handles(String word) {
        return COMMANDS.contains(word);
    }

    /** Runs a command; returns the process exit status (0 ok, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // TODO(#3): the run command; TODO(#5): the bench command.
        err.println("gradlab: '" + args[0] + "' is not available yet");
        return 2;
    }
}
