package dev.parley.adapter.out.persistence.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether the PostgreSQL run of the test suite can go ahead. Registered for every test
 * through JUnit's extension auto-detection; it only acts when the run is the PostgreSQL one
 * ({@code -Dparley.test.database=postgresql}, set by the second surefire execution).
 * PostgreSQL unreachable: with {@code CI=true} the tests fail, otherwise they are skipped with a
 * message on the console saying so.
 */
public final class PostgresRequirement implements ExecutionCondition {
    private static final AtomicReference<String> PROBE = new AtomicReference<>();

    public static boolean isPostgresRun() {
        return "postgresql".equals(System.getProperty("parley.test.database"));
    }

    public static String jdbcUrl() {
        return System.getProperty("parley.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgresRun()) return ConditionEvaluationResult.enabled("H2 run");
        String problem = PROBE.updateAndGet(previous -> previous != null ? previous : probe());
        if (problem.isEmpty()) return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + jdbcUrl());
        if ("true".equalsIgnoreCase(System.getenv("CI")))
            throw new ExtensionConfigurationException("CI=true requires PostgreSQL, but " + problem);
        String message = "SKIPPED on PostgreSQL: " + problem + " (CI=true makes this a failure)";
        if (context.getTestMethod().isEmpty()) System.out.println("[parley] " + context.getDisplayName() + ": " + message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static String probe() {
        try (var ignored = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            return "";
        } catch (SQLException e) {
            return "PostgreSQL at " + jdbcUrl() + " is not reachable (" + e.getMessage() + ")";
        }
    }
}
