package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.List;

/** Lists the tenant's own live sessions, newest first. */
public interface ListSessionsUseCase {
    List<SessionView> list(TenantId tenant);
}
