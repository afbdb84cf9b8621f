package dev.gradlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a scenario file within {@link Limits}: only a regular file (never a directory, a named pipe that could block
 * forever, or a device such as /dev/zero), checked before it is opened, and at most {@link Limits#MAX_FILE_BYTES}
 * bytes of it, so a file that grows while it is read is still refused unread past the cap.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {}

    /** The file's text, or a ScenarioException naming the file and why it is not read. */
    public static String read(Path file) throws ScenarioException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw refusal(name, "is a directory, not a scenario file");
        }
        if (!Files.exists(file)) {
            throw refusal(name, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw refusal(name, "not a regular file (a pipe, a device or a socket is never read)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Limits.MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw refusal(name, "no such file");
        } catch (AccessDeniedException e) {
            throw refusal(name, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw refusal(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return text(bytes, name);
    }

    /** Decodes an upload or a file's bytes: at most {@link Limits#MAX_FILE_BYTES}, strict UTF-8. */
    public static String text(byte[] bytes, String name) throws ScenarioException {
        if (bytes.length > Limits.MAX_FILE_BYTES) {
            throw refusal(name, tooLarge());
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refusal(name, "not a UTF-8 text file");
        }
    }

    static String tooLarge() {
        return "the file is larger than 1 MB (" + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_FILE_BYTES)
                + " bytes), the limit for a scenario";
    }

    private static ScenarioException refusal(String name, String cause) {
        return new ScenarioException(name, null, null, null, cause);
    }
}
