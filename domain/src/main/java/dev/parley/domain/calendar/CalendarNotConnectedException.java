package dev.parley.domain.calendar;

import dev.parley.domain.shared.ConflictException;

/** The tenant has not connected a Google Calendar. */
public final class CalendarNotConnectedException extends ConflictException {
    public CalendarNotConnectedException() {
        super("calendar.not-connected", "Google Calendar is not connected");
    }
}
