package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.TenantId;

/** The account behind an authenticated request; a deleted or deactivated one is invalid credentials. */
public interface GetCurrentUserUseCase {
    UserView get(TenantId tenant);
}
