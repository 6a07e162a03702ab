package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.CalendarNotConfiguredException;
import dev.parley.application.calendar.port.in.CalendarStatusUseCase;
import dev.parley.application.calendar.port.in.CompleteCalendarConnectionUseCase;
import dev.parley.application.calendar.port.in.ConnectCalendarUseCase;
import dev.parley.application.calendar.port.in.DisconnectCalendarUseCase;
import dev.parley.application.calendar.port.out.CalendarAuthorization;
import dev.parley.application.calendar.port.out.CalendarConnectionRepository;
import dev.parley.application.calendar.port.out.CalendarGrantRefusedException;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import dev.parley.application.calendar.port.out.ConnectionStates;
import dev.parley.application.calendar.port.out.GrantedTokens;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.calendar.CalendarConnection;
import dev.parley.domain.calendar.CalendarTokens;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Connecting a tenant's Google Calendar (the OAuth round trip), its status, and forgetting it. */
public final class CalendarConnectionService implements ConnectCalendarUseCase, CompleteCalendarConnectionUseCase,
        CalendarStatusUseCase, DisconnectCalendarUseCase {
    private final CalendarAuthorization authorization;
    private final ConnectionStates states;
    private final CalendarConnectionRepository connections;
    private final Transactions transactions;
    private final Clock clock;
    private final CalendarPolicy policy;

    public CalendarConnectionService(CalendarAuthorization authorization, ConnectionStates states,
                                     CalendarConnectionRepository connections, Transactions transactions, Clock clock,
                                     CalendarPolicy policy) {
        this.authorization = authorization;
        this.states = states;
        this.connections = connections;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public String authorizationUrl(TenantId tenant) {
        if (!authorization.configured()) throw new CalendarNotConfiguredException();
        String state = transactions.inTransaction(() -> states.issue(tenant, clock.instant().plus(policy.stateLifetime())));
        return authorization.authorizationUrl(state);
    }

    @Override
    public ConnectionOutcome complete(String code, String state, String error) {
        if (!authorization.configured()) return failed("Google Calendar is not configured");
        // the state is spent whatever happens next: a declined or failed round trip cannot be replayed
        Optional<TenantId> tenant = state == null || state.isBlank() ? Optional.empty()
                : transactions.inTransaction(() -> states.redeem(state, clock.instant()));
        if (tenant.isEmpty()) return failed("The connection request is invalid, expired or was already used; please try again");
        if (error != null && !error.isBlank()) return failed("Google Calendar access was not granted");
        if (code == null || code.isBlank()) return failed("Google sent no authorization code");
        GrantedTokens granted;
        try {
            granted = authorization.exchange(code);
        } catch (CalendarGrantRefusedException refused) {
            return failed("Google refused the authorization; please try again");
        } catch (CalendarUnavailableException down) {
            return failed("Google could not be reached; please try again later");
        }
        if (granted.scopes() != null && !granted.scopes().isBlank() && !granted.scopes().contains("/auth/calendar"))
            return failed("Calendar access was not granted");
        TenantId owner = tenant.get();
        return transactions.inTransaction(() -> {
            String refresh = granted.refreshToken();
            if (refresh == null || refresh.isBlank())
                refresh = connections.find(owner).map(c -> c.tokens().refreshToken()).orElse(null);
            if (refresh == null) return failed("Google granted no offline access; please try again");
            connections.save(CalendarConnection.connect(owner, new CalendarTokens(granted.accessToken(), refresh, granted.expiresAt()),
                    granted.scopes(), clock.instant()));
            return new ConnectionOutcome.Connected();
        });
    }

    private static ConnectionOutcome failed(String message) {
        return new ConnectionOutcome.Failed(message);
    }

    @Override
    public CalendarStatusView status(TenantId tenant) {
        return connections.find(tenant)
                .map(c -> new CalendarStatusView(c.usable(), c.status().wire(), scopes(c.scopes()), c.connectedAt()))
                .orElseGet(() -> new CalendarStatusView(false, "not_connected", List.of(), null));
    }

    private static List<String> scopes(String scopes) {
        return Arrays.stream(scopes.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public boolean disconnect(TenantId tenant) {
        Optional<CalendarConnection> existing = connections.find(tenant);
        if (existing.isEmpty()) return false;
        // revoke first (best effort, outside any transaction), then forget
        if (authorization.configured()) authorization.revoke(existing.get().tokens().refreshToken());
        return transactions.inTransaction(() -> connections.delete(tenant));
    }
}
