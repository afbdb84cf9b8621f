package dev.gradlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests, before the app is started for them, when Debian's Chromium is not installed, and says so
 * in one line per test run (not one per test class).
 */
public final class ChromiumCondition implements ExecutionCondition {

    /** Debian's Chromium; {@code -Dgradlab.chromium=<path>} names another (or, misspelt, shows the skip). */
    public static final Path CHROMIUM = Path.of(System.getProperty("gradlab.chromium", "/usr/bin/chromium"));

    static final String HOW_TO_ENABLE = "browser tests skipped: " + CHROMIUM
            + " not found (install it with `sudo apt-get install chromium` to run them)";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = evaluate(Files.isExecutable(CHROMIUM));
        if (result.isDisabled() && TOLD.compareAndSet(false, true)) {
            System.out.println("[WARNING] " + HOW_TO_ENABLE);
        }
        return result;
    }

    static ConditionEvaluationResult evaluate(boolean chromiumInstalled) {
        if (chromiumInstalled) {
            return ConditionEvaluationResult.enabled(CHROMIUM + " found");
        }
        return ConditionEvaluationResult.disabled(HOW_TO_ENABLE);
    }
}
