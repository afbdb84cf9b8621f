package dev.gradlab.classroom.events;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What both buses check and do before an event leaves: the arguments, and waiting for the commit. */
final class EventArguments {

    static final int MAX_PAYLOAD = 1000;
    static final int MAX_CODE = 64;

    /** Separates the class code from the payload in a PostgreSQL notification; never part of a code. */
    static final char SEPARATOR = ' ';

    private EventArguments() {}

    static void check(String classCode, String payload) {
        if (classCode.isEmpty() || classCode.length() > MAX_CODE || classCode.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a class code has 1 to " + MAX_CODE + " characters and no space, not \""
                    + shorten(classCode) + "\"");
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "a class event has at most " + MAX_PAYLOAD + " characters, not " + payload.length());
        }
    }

    /**
     * Runs {@code action} after the current Spring transaction commits (never if it rolls back), or now without one.
     * It hooks {@code afterCompletion}, not {@code afterCommit}: a caller that itself publishes from another
     * synchronization's {@code afterCommit} registers this one too late for Spring's {@code afterCommit} round (a
     * snapshot), but in time for {@code afterCompletion}.
     */
    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } else {
            action.run();
        }
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
