package dev.parley.domain.calendar;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/** A tenant's link to their Google Calendar: the tokens they granted, the scopes, and whether it still works. */
public final class CalendarConnection {
    private final TenantId tenant;
    private CalendarTokens tokens;
    private final String scopes;
    private final Instant connectedAt;
    private ConnectionStatus status;

    private CalendarConnection(TenantId tenant, CalendarTokens tokens, String scopes, Instant connectedAt, ConnectionStatus status) {
        this.tenant = Objects.requireNonNull(tenant);
        this.tokens = Objects.requireNonNull(tokens);
        this.scopes = scopes == null ? "" : scopes;
        this.connectedAt = Objects.requireNonNull(connectedAt);
        this.status = Objects.requireNonNull(status);
    }

    /** A fresh grant, just exchanged for tokens. */
    public static CalendarConnection connect(TenantId tenant, CalendarTokens tokens, String scopes, Instant now) {
        return new CalendarConnection(tenant, tokens, scopes, now, ConnectionStatus.CONNECTED);
    }

    /** Rebuilds a stored connection. For persistence adapters only; checks no rules. */
    public static CalendarConnection reconstitute(TenantId tenant, CalendarTokens tokens, String scopes, Instant connectedAt,
                                                  ConnectionStatus status) {
        return new CalendarConnection(tenant, tokens, scopes, connectedAt, status);
    }

    /** Google gave us a new access token (and, rarely, a new refresh token). */
    public void refreshed(String accessToken, String newRefreshToken, Instant expiresAt) {
        tokens = new CalendarTokens(accessToken, newRefreshToken == null || newRefreshToken.isBlank() ? tokens.refreshToken()
                : newRefreshToken, expiresAt);
        status = ConnectionStatus.CONNECTED;
    }

    /** Google refused our refresh token (access revoked there): the tenant has to connect again. */
    public void revokedAtGoogle() {
        status = ConnectionStatus.NEEDS_RECONNECT;
    }

    public boolean usable() {
        return status == ConnectionStatus.CONNECTED;
    }

    public TenantId tenant() {
        return tenant;
    }

    public CalendarTokens tokens() {
        return tokens;
    }

    public String scopes() {
        return scopes;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public ConnectionStatus status() {
        return status;
    }
}
