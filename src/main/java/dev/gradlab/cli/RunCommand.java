package dev.gradlab.cli;

import dev.gradlab.engine.AutogradException;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.data.DatasetException;
import dev.gradlab.lab.train.ModelDataException;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.scenario.ModelSpec;
import dev.gradlab.scenario.EvaluationException;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code run FILE}: parse and validate a scenario, run its strategies, print one JSON document ({@link RunJson}).
 * Bad input: status 2 and one line on stderr; nothing on stdout, so no partial result is ever printed. An internal
 * error (a bug) gives status 1, also as one line.
 */
public final class RunCommand {

    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private RunCommand() {
    }

    /** Runs {@code file}; returns the exit status (0 ok, 2 bad input). */
    public static int run(Path file, PrintStream out, PrintStream err) {
        String name = file.toString();
        try {
            Scenario scenario = ScenarioParser.parse(read(file), name);
            ModelSpec model = scenario.model();
            if (model != null) {
                out.print(ModelRunJson.write(scenario.id(), new ModelTrainer().train(model)));
            } else {
                RunResult result = new Runner().run(scenario);
                out.print(RunJson.write(result));
            }
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

    static String read(Path file) throws BadFile {
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

    static final class BadFile extends Exception {
        BadFile(String message) {
            super(message);
        }
    }
}
