package dev.parley.adapter.out.persistence.shared;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Draws ids from database sequences, so aggregates get their id before they are stored. */
@Singleton
public class Sequences {
    private final ConnectionOperations<Connection> connections;

    Sequences(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /**
     * The next value of a sequence; {@code nextval('name')} works on PostgreSQL and on H2 in
     * PostgreSQL mode. Joins the caller's connection when there is one.
     */
    public long next(String sequence) {
        if (!sequence.matches("[a-z_]+")) throw new IllegalArgumentException("not a sequence name");
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement("SELECT nextval('" + sequence + "')");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not draw from sequence " + sequence, e);
            }
        });
    }
}
