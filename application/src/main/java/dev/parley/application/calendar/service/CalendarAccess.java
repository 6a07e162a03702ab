package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.CalendarNotConfiguredException;
import dev.parley.application.calendar.port.out.CalendarAccessDeniedException;
import dev.parley.application.calendar.port.out.CalendarAuthorization;
import dev.parley.application.calendar.port.out.CalendarConnectionRepository;
import dev.parley.application.calendar.port.out.CalendarGrantRefusedException;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import dev.parley.application.calendar.port.out.GrantedTokens;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.calendar.CalendarConnection;
import dev.parley.domain.calendar.CalendarNeedsReconnectException;
import dev.parley.domain.calendar.CalendarNotConnectedException;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.util.function.Function;

/**
 * Runs calendar work with a valid access token of the tenant: refreshes an expired token (and stores the
 * new one), refreshes once more when the calendar refuses the token, and turns a refused refresh into
 * {@code needs_reconnect}.
 */
public final class CalendarAccess {
    private final CalendarConnectionRepository connections;
    private final CalendarAuthorization authorization;
    private final Transactions transactions;
    private final Clock clock;

    public CalendarAccess(CalendarConnectionRepository connections, CalendarAuthorization authorization, Transactions transactions,
                          Clock clock) {
        this.connections = connections;
        this.authorization = authorization;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Fails fast when the calendar cannot be used: not configured (503), not connected or revoked (409). */
    public CalendarConnection usableConnection(TenantId tenant) {
        if (!authorization.configured()) throw new CalendarNotConfiguredException();
        CalendarConnection connection = connections.find(tenant).orElseThrow(CalendarNotConnectedException::new);
        if (!connection.usable()) throw new CalendarNeedsReconnectException();
        return connection;
    }

    public <T> T withToken(TenantId tenant, Function<String, T> work) {
        CalendarConnection connection = usableConnection(tenant);
        if (connection.tokens().accessExpired(clock.instant())) refresh(connection);
        try {
            return work.apply(connection.tokens().accessToken());
        } catch (CalendarAccessDeniedException denied) {
            refresh(connection);
            try {
                return work.apply(connection.tokens().accessToken());
            } catch (CalendarAccessDeniedException again) {
                throw new CalendarUnavailableException("Google Calendar refused our access token", again);
            }
        }
    }

    private void refresh(CalendarConnection connection) {
        GrantedTokens fresh;
        try {
            fresh = authorization.refresh(connection.tokens().refreshToken(), clock.instant());
        } catch (CalendarGrantRefusedException refused) {
            connection.revokedAtGoogle();
            transactions.inTransaction(() -> {
                // only if it still exists: a disconnect meanwhile wins
                connections.find(connection.tenant()).ifPresent(stored -> connections.save(connection));
                return null;
            });
            throw new CalendarNeedsReconnectException();
        }
        connection.refreshed(fresh.accessToken(), fresh.refreshToken(), fresh.expiresAt());
        transactions.inTransaction(() -> {
            connections.find(connection.tenant()).ifPresent(stored -> connections.save(connection));
            return null;
        });
    }
}
