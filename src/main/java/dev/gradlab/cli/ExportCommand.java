package dev.gradlab.cli;

import dev.gradlab.export.CsvExport;
import dev.gradlab.export.PyTorchScript;
import dev.gradlab.export.YamlExport;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Limits;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioFiles;
import dev.gradlab.scenario.ScenarioParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code export --format yaml|csv|pytorch [--lang en|zh-TW] FILE-or-built-in-id}: one export of a scenario, to
 * stdout. A name that is not an existing file is looked up among the built-ins. Bad input: status 2 and one line on
 * stderr, nothing on stdout, as {@code run}.
 */
final class ExportCommand {

    static final String USAGE = "usage: gradlab export --format yaml|csv|pytorch [--lang en|zh-TW] FILE-or-built-in-id";

    private ExportCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        String format = null;
        String lang = "en";
        String target = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--format") || a.equals("--lang")) && i + 1 < args.length) {
                if (a.equals("--format")) {
                    format = args[++i];
                } else {
                    lang = args[++i];
                }
            } else if (a.startsWith("--") || target != null) {
                err.println(USAGE);
                return 2;
            } else {
                target = a;
            }
        }
        if (format == null || target == null) {
            err.println(USAGE);
            return 2;
        }
        if (!format.equals("yaml") && !format.equals("csv") && !format.equals("pytorch")) {
            err.println("gradlab export: unknown format '" + format + "' (formats: yaml, csv, pytorch)");
            return 2;
        }
        if (!lang.equals("en") && !lang.equals("zh-TW")) {
            err.println("gradlab export: unknown language '" + lang + "' (languages: en, zh-TW)");
            return 2;
        }
        String name = Limits.cut(target, 80);
        try {
            Scenario scenario = load(target);
            String text = export(scenario, format, Locale.forLanguageTag(lang));
            out.print(text);
            out.flush();
            return 0;
        } catch (ScenarioException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Failures.report(name, "export", e, err);
        }
    }

    static String export(Scenario scenario, String format, Locale locale) {
        return switch (format) {
            case "yaml" -> YamlExport.of(scenario);
            case "csv" ->
                scenario.<String>match(
                        m -> CsvExport.steps(new Runner().run(m)),
                        e -> CsvExport.steps(new Runner().run(e)),
                        m -> CsvExport.epochs(new ModelTrainer().train(m)));
            default -> PyTorchScript.of(scenario, locale);
        };
    }

    /** An existing file, else a built-in scenario's id. */
    private static Scenario load(String target) throws ScenarioException {
        Path file;
        try {
            file = Path.of(target);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && Files.exists(file)) {
            return ScenarioParser.parse(ScenarioFiles.read(file), target);
        }
        Optional<Scenario> builtIn = BuiltInScenarios.find(target);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        throw new ScenarioException(
                Limits.cut(target, 80),
                null,
                null,
                null,
                "no such file, and no built-in scenario has this id (built-ins: "
                        + String.join(
                                ", ",
                                BuiltInScenarios.all().stream()
                                        .map(Scenario::id)
                                        .toList()) + ")");
    }
}
