package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.TenantId;

/**
 * Whether a sign-in (a session: one refresh-token family) still stands: it has a refresh token that is
 * neither revoked nor expired. Signing out, ending the session and a detected refresh-token reuse all
 * end it, and with it every access token that names it.
 */
public interface CheckSessionUseCase {
    boolean isActive(TenantId tenant, long sessionId);
}
