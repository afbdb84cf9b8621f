package dev.gradlab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL accepts the test user: {@code GRADLAB_TEST_POSTGRES_URL} (+ {@code _USER},
 * {@code _PASSWORD}), else {@code jdbc:postgresql://localhost:5432/gradlab} as gradlab/gradlab. Otherwise one line.
 * Shared by every PostgreSQL-backed test (the store's, the live classes').
 */
public final class PostgresAvailable implements ExecutionCondition {

    public static final String URL = env("GRADLAB_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/gradlab");
    public static final String USER = env("GRADLAB_TEST_POSTGRES_USER", "gradlab");
    public static final String PASSWORD = env("GRADLAB_TEST_POSTGRES_PASSWORD", "gradlab");
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + URL);
        } catch (SQLException e) {
            String line = "PostgreSQL tests skipped: no PostgreSQL accepts " + USER + " at " + URL;
            if (TOLD.compareAndSet(false, true)) {
                System.out.println(line);
            }
            return ConditionEvaluationResult.disabled(line);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
