package dev.parley.adapter.out.persistence.calendar;

import dev.parley.application.calendar.port.out.CalendarConnectionRepository;
import dev.parley.application.onboarding.port.out.CalendarConnections;
import dev.parley.domain.calendar.CalendarConnection;
import dev.parley.domain.calendar.CalendarTokens;
import dev.parley.domain.calendar.ConnectionStatus;
import dev.parley.domain.shared.TenantId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Calendar connections, tokens sealed with AES-GCM ({@link CalendarSecrets}); the raw columns hold no
 * token text. A row that no longer decrypts (the key changed) reads as {@code needs_reconnect}. Also the
 * onboarding's evidence of the {@code calendar_connected} step.
 */
@Singleton
class JdbcCalendarConnectionRepository implements CalendarConnectionRepository, CalendarConnections {
    private final ConnectionOperations<Connection> connections;
    private final CalendarSecrets secrets;

    JdbcCalendarConnectionRepository(ConnectionOperations<Connection> connections, CalendarSecrets secrets) {
        this.connections = connections;
        this.secrets = secrets;
    }

    @Override
    public Optional<CalendarConnection> find(TenantId tenant) {
        return Sql.run(connections, "read the calendar connection", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT access_token_enc, refresh_token_enc, access_expires_at, scopes, "
                    + "status, connected_at FROM calendar_connections WHERE tenant_id = ?")) {
                s.setLong(1, tenant.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return Optional.<CalendarConnection>empty();
                    String access = secrets.decrypt(tenant.value(), rs.getString("access_token_enc"));
                    String refresh = secrets.decrypt(tenant.value(), rs.getString("refresh_token_enc"));
                    ConnectionStatus status = ConnectionStatus.fromWire(rs.getString("status"));
                    if (access == null || refresh == null) {
                        status = ConnectionStatus.NEEDS_RECONNECT;
                        access = "";
                        refresh = "";
                    }
                    return Optional.of(CalendarConnection.reconstitute(tenant,
                            new CalendarTokens(access, refresh, Sql.instant(rs, "access_expires_at")), rs.getString("scopes"),
                            Sql.instant(rs, "connected_at"), status));
                }
            }
        });
    }

    @Override
    public void save(CalendarConnection connection) {
        long tenant = connection.tenant().value();
        Sql.run(connections, "store the calendar connection", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM calendar_connections WHERE tenant_id = ?")) {
                delete.setLong(1, tenant);
                delete.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO calendar_connections (tenant_id, access_token_enc, "
                    + "refresh_token_enc, access_expires_at, scopes, status, connected_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, tenant);
                s.setString(2, secrets.encrypt(tenant, connection.tokens().accessToken()));
                s.setString(3, secrets.encrypt(tenant, connection.tokens().refreshToken()));
                Sql.instant(s, 4, connection.tokens().accessExpiresAt());
                s.setString(5, connection.scopes());
                s.setString(6, connection.status().wire());
                Sql.instant(s, 7, connection.connectedAt());
                Sql.instant(s, 8, Instant.now());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(TenantId tenant) {
        return Sql.run(connections, "delete the calendar connection", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM calendar_connections WHERE tenant_id = ?")) {
                s.setLong(1, tenant.value());
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean isConnected(TenantId tenant) {
        return Sql.run(connections, "read the calendar connection", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM calendar_connections WHERE tenant_id = ?")) {
                s.setLong(1, tenant.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
