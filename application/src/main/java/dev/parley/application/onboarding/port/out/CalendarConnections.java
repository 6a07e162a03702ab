package dev.parley.application.onboarding.port.out;

import dev.parley.domain.shared.TenantId;

/** Evidence of the calendar_connected step: the tenant's calendar credentials are stored. */
public interface CalendarConnections {
    boolean isConnected(TenantId tenant);
}
