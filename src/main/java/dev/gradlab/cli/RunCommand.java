package dev.gradlab.cli;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.data.DatasetException;
import dev.gradlab.lab.train.ModelDataException;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.scenario.EvaluationException;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code run FILE|ID}: parse and validate a scenario, run its strategies, print one JSON document ({@link RunJson}).
 * Bad input: status 2 and one line on stderr; nothing on stdout, so no partial result is ever printed. An internal
 * error (a bug) gives status 1, also as one line.
 */
public final class RunCommand {

    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private RunCommand() {
    }

    /**
     * Runs the scenario file {@code fileOrId} names or, when no such file exists, the built-in scenario with that id;
     * returns the exit status (0 ok, 2 bad input, also when it is neither).
     */
    public static int run(String fileOrId, PrintStream out, PrintStream err) {
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
        return run(name, () -> ScenarioParser.parse(read(file), name), out, err);
    }

    private interface ScenarioSource {
        Scenario get() throws ScenarioException, BadFile;
    }

    private static int run(String name, ScenarioSource source, PrintStream out, PrintStream err) {
        try {
            Scenario scenario = source.get();
            out.print(scenario.<String>match(m -> RunJson.write(new Runner().run(m)), e -> RunJson.write(new Runner().run(e)),
                    m -> ModelRunJson.write(m.id(), new ModelTrainer().train(m))));
            out.flush();
            return 0;
        } catch (ScenarioException e) {
            err.println(e.getMessage());
        } catch (EvaluationException e) {
            err.println(name + ": loss, " + e.getMessage());
        } catch (AutogradException e) {
            err.println(name + ": " + e.getMessage());
        } catch (DatasetException e) {
            err.println(name + ": dataset: " + e.getMessage());
        } catch (ModelDataException e) {
            err.println(name + ": model: " + e.getMessage());
        } catch (BadFile e) {
            err.println(name + ": " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            // Not the user's fault: a bug or an exhausted machine. Still one line, and a distinct status.
            err.println(name + ": internal error while running the scenario (" + e + ")");
            return 1;
        }
        return 2;
    }

    private static String read(Path file) throws BadFile {
        try {
            if (Files.isDirectory(file)) {
                throw new BadFile("is a directory, not a scenario file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BadFile("the file is larger than 64 MB");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadFile("no such file");
        } catch (CharacterCodingException e) {
            throw new BadFile("not a UTF-8 text file");
        } catch (IOException e) {
            throw new BadFile("cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static final class BadFile extends Exception {
        BadFile(String message) {
            super(message);
        }
    }
}
