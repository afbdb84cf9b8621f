package dev.gradlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** The headless commands behind {@code java -jar gradlab.jar COMMAND ...}. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("run", "bench", "export");

    private Cli() {}

    /** Whether {@code word} names a headless command (so no web server should start). */
    public static boolean handles(String word) {
        return COMMANDS.contains(word);
    }

    /** Runs a command; returns the process exit status (0 ok, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !handles(args[0])) {
            err.println("gradlab: unknown command"
                    + (args.length == 0 ? "" : " '" + dev.gradlab.scenario.Limits.cut(args[0], 40) + "'")
                    + " (commands: run FILE|ID, export --format yaml|csv|pytorch FILE|ID, bench)");
            return 2;
        }
        if (args[0].equals("run")) {
            if (args.length != 2) {
                err.println("usage: gradlab run FILE|ID   (a scenario in YAML, or JSON when FILE ends in .json;"
                        + " or the id of a built-in scenario, e.g. gd-by-hand)");
                return 2;
            }
            return RunCommand.run(args[1], out, err);
        }
        if (args[0].equals("export")) {
            return ExportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 2 || (args.length == 2 && !args[1].equals("--quick"))) {
            err.println(
                    "usage: gradlab bench [--quick]   (prints one JSON object; --quick: shorter rounds, rougher figures)");
            return 2;
        }
        Integer restarted = CpuTuning.restart(
                args,
                CpuTuning.variables(
                        CpuTuning.cpuFlags(Path.of("/proc/cpuinfo")),
                        System.getenv(),
                        CpuTuning.installedBlas(),
                        CpuTuning.threads()));
        if (restarted != null) {
            return restarted;
        }
        return BenchCommand.run(out, args.length == 2 ? 0.1 : 1.0);
    }
}
