package dev.gradlab.lab.train;

/** A model that does not fit the data it was given (only found out once image files from a folder are read). */
public final class ModelDataException extends IllegalArgumentException {

    ModelDataException(String message) {
        super(message);
    }
}
