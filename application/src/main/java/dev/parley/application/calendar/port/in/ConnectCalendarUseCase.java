package dev.parley.application.calendar.port.in;

import dev.parley.domain.shared.TenantId;

/** Starts connecting the tenant's Google Calendar: where to send their browser. */
public interface ConnectCalendarUseCase {
    String authorizationUrl(TenantId tenant);
}
