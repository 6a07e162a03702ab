package dev.parley.adapter.out.persistence.shared;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505 on PostgreSQL and H2) in an exception chain. */
public final class UniqueViolations {
    private UniqueViolations() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }
}
