package dev.parley.domain.calendar;

import dev.parley.domain.shared.ConflictException;

/** Google no longer honours the tenant's grant (revoked, expired): they have to connect again. */
public final class CalendarNeedsReconnectException extends ConflictException {
    public CalendarNeedsReconnectException() {
        super("calendar.needs-reconnect", "Google Calendar access was revoked or has expired; connect Google Calendar again");
    }
}
