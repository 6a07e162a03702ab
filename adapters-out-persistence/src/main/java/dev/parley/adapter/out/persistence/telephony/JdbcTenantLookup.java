package dev.parley.adapter.out.persistence.telephony;

import dev.parley.application.telephony.port.out.TenantLookup;
import dev.parley.domain.shared.TenantId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads the users table for development-mode routing of the system number; active accounts only. */
@Singleton
class JdbcTenantLookup implements TenantLookup {
    private final ConnectionOperations<Connection> connections;

    JdbcTenantLookup(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public Optional<TenantId> byEmail(String normalisedEmail) {
        return query("SELECT id FROM users WHERE email = ? AND is_active = TRUE", normalisedEmail);
    }

    @Override
    public Optional<TenantId> firstRegistered() {
        return query("SELECT id FROM users WHERE is_active = TRUE ORDER BY id LIMIT 1", null);
    }

    private Optional<TenantId> query(String sql, String parameter) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                if (parameter != null) statement.setString(1, parameter);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new TenantId(rs.getLong(1))) : Optional.<TenantId>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not look up the development tenant", e);
            }
        });
    }
}
