package dev.parley.adapter.out.persistence.calendar;

import dev.parley.application.calendar.port.out.ConnectionStates;
import dev.parley.domain.shared.TenantId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * OAuth states {@code nonce.tenant.expiry.signature}: the HMAC proves we issued it for that tenant and
 * time (a forged or altered state fails before the database is asked), and the nonce's SHA-256 row makes
 * it single use (redeeming deletes it; a second redeem finds nothing).
 */
@Singleton
class JdbcConnectionStates implements ConnectionStates {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final ConnectionOperations<Connection> connections;
    private final CalendarSecrets secrets;

    JdbcConnectionStates(ConnectionOperations<Connection> connections, CalendarSecrets secrets) {
        this.connections = connections;
        this.secrets = secrets;
    }

    @Override
    public String issue(TenantId tenant, Instant expiresAt) {
        String nonce = B64.encodeToString(secrets.randomBytes(32));
        String body = nonce + "." + tenant.value() + "." + expiresAt.getEpochSecond();
        Sql.run(connections, "store the connection state", c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM calendar_connection_states WHERE tenant_id = ? AND expires_at < ?")) {
                purge.setLong(1, tenant.value());
                Sql.instant(purge, 2, Instant.now());
                purge.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO calendar_connection_states (nonce_hash, tenant_id, expires_at) "
                    + "VALUES (?, ?, ?)")) {
                s.setString(1, sha256(nonce));
                s.setLong(2, tenant.value());
                Sql.instant(s, 3, expiresAt);
                return s.executeUpdate();
            }
        });
        return body + "." + B64.encodeToString(secrets.sign(body));
    }

    @Override
    public Optional<TenantId> redeem(String state, Instant now) {
        String[] parts = state.split("\\.");
        if (parts.length != 4) return Optional.empty();
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(presented, secrets.sign(body))) return Optional.empty();
        long tenant;
        long expires;
        try {
            tenant = Long.parseLong(parts[1]);
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean fresh = now.getEpochSecond() < expires;
        // delete even when expired: a state is spent once presented
        int deleted = Sql.run(connections, "redeem the connection state", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM calendar_connection_states WHERE nonce_hash = ? AND tenant_id = ?")) {
                s.setString(1, sha256(parts[0]));
                s.setLong(2, tenant);
                return s.executeUpdate();
            }
        });
        return deleted == 1 && fresh ? Optional.of(new TenantId(tenant)) : Optional.empty();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
