package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.TenantId;

/** Ends sessions: one by its refresh token, or one of the tenant's own by id. */
public interface SignOutUseCase {
    /** Revokes the session of this refresh token; unknown or already revoked tokens are ignored. */
    void signOut(String refreshToken);

    /** Revokes one of the tenant's own sessions; another tenant's id is not found. */
    void endSession(TenantId tenant, long sessionId);
}
