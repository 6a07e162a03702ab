package dev.parley.application.calendar.port.out;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code state} of an OAuth round trip: signed, bound to the tenant who started it, usable once,
 * expiring. It travels through the browser, so it must prove itself when it comes back.
 */
public interface ConnectionStates {
    String issue(TenantId tenant, Instant expiresAt);

    /** The tenant that started the round trip, once; empty for a forged, expired or already used state. */
    Optional<TenantId> redeem(String state, Instant now);
}
