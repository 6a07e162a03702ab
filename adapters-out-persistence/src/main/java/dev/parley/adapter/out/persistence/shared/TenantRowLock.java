package dev.parley.adapter.out.persistence.shared;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Locks a tenant's {@code users} row ({@code SELECT … FOR UPDATE}) until the caller's transaction
 * ends, serialising per-tenant rules such as "at most 20 custom scenarios" without a counter table.
 * Works on PostgreSQL and on H2.
 */
@Singleton
public class TenantRowLock {
    private final ConnectionOperations<Connection> connections;

    TenantRowLock(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Answers whether the tenant exists (and is now locked). */
    public boolean lock(long tenantId) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement("SELECT id FROM users WHERE id = ? FOR UPDATE")) {
                statement.setLong(1, tenantId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not lock tenant " + tenantId, e);
            }
        });
    }
}
