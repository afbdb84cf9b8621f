package dev.gradlab.classroom.events;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code GRADLAB_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} name a
 * PostgreSQL to use (CI's {@code .ci/run} exports them); otherwise skips it with one line.
 */
final class PostgresConfigured implements ExecutionCondition {

    static final @Nullable String URL = System.getenv("GRADLAB_TEST_POSTGRES_URL");
    static final @Nullable String USER = System.getenv("GRADLAB_TEST_POSTGRES_USER");
    static final @Nullable String PASSWORD = System.getenv("GRADLAB_TEST_POSTGRES_PASSWORD");
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (URL != null && !URL.isBlank() && USER != null && PASSWORD != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + URL);
        }
        String line = "PostgreSQL class-event tests skipped: set GRADLAB_TEST_POSTGRES_URL, _USER and _PASSWORD";
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(line);
        }
        return ConditionEvaluationResult.disabled(line);
    }
}
