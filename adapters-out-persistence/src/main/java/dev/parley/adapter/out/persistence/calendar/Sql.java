package dev.parley.adapter.out.persistence.calendar;

import io.micronaut.data.connection.ConnectionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Plain JDBC on the current connection (joining the caller's transaction), for the few statements of this package. */
final class Sql {
    private Sql() {
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    static <T> T run(ConnectionOperations<Connection> connections, String what, Work<T> work) {
        return connections.executeWrite(status -> {
            try {
                return work.on(status.getConnection());
            } catch (SQLException e) {
                throw new CalendarStoreException("Could not " + what, e);
            }
        });
    }

    static void instant(PreparedStatement s, int index, Instant at) throws SQLException {
        s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A database failure of the calendar store; carries SQLState for unique-violation checks. */
    static final class CalendarStoreException extends IllegalStateException {
        CalendarStoreException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
