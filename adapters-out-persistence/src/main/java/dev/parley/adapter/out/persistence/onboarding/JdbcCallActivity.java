package dev.parley.adapter.out.persistence.onboarding;

import dev.parley.application.onboarding.port.out.CallActivity;
import dev.parley.domain.shared.TenantId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Evidence of the welcome-call step: the tenant has at least one completed call (an index-only probe on calls). */
@Singleton
class JdbcCallActivity implements CallActivity {
    private static final String COMPLETED_CALL = "SELECT 1 FROM calls WHERE tenant_id = ? AND status = 'completed' LIMIT 1";
    private final ConnectionOperations<Connection> connections;

    JdbcCallActivity(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public boolean hasCompletedCall(TenantId tenant) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(COMPLETED_CALL)) {
                statement.setLong(1, tenant.value());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the tenant's calls", e);
            }
        });
    }
}
