package dev.gradlab.classroom.events;

import java.util.function.Consumer;

/** Delivers small class events (a step, an answer, a reveal, an end) to every replica's pages within a second. */
public interface ClassEvents {

    /**
     * Sends {@code payload} (at most 1000 characters) to every subscriber of {@code classCode} on every replica, after
     * the current transaction commits if there is one.
     */
    void publish(String classCode, String payload);

    /**
     * Calls {@code listener} (on a background thread: the caller does {@code ui.access}) for each event of the class,
     * from any replica including this one. Closing the returned handle stops the calls.
     */
    AutoCloseable subscribe(String classCode, Consumer<String> listener);
}
