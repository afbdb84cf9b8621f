package dev.gradlab.lab.data;

/**
 * A data set could not be made or read: unknown name, bad parameter, missing or malformed file. The message names
 * what was expected and where, so the UI and the CLI can show it as is.
 */
public class DatasetException extends RuntimeException {

    DatasetException(String message) {
        super(message);
    }

    DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
