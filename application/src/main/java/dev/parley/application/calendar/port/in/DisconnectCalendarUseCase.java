package dev.parley.application.calendar.port.in;

import dev.parley.domain.shared.TenantId;

/** Forgets the tenant's calendar tokens, revoking them at Google first. */
public interface DisconnectCalendarUseCase {
    /** Answers whether there was a connection. */
    boolean disconnect(TenantId tenant);
}
