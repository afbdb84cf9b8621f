package dev.gradlab.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's /usr/bin/python3, when present, run on a file; whether it has PyTorch. */
final class Python {

    static final String PYTHON = "/usr/bin/python3";
    private static Boolean torch;

    private Python() {}

    static boolean present() {
        return new File(PYTHON).canExecute();
    }

    static synchronized boolean hasTorch() {
        if (torch == null) {
            torch = present() && run(List.of(PYTHON, "-c", "import torch"), 120).status() == 0;
        }
        return torch;
    }

    record Result(int status, String out, String err) {}

    static Result run(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("gradlab-py", ".out");
            Path err = Files.createTempFile("gradlab-py", ".err");
            Process p = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " took more than " + timeoutSeconds + " s");
            }
            Result r = new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
