package dev.parley.application.calendar.port.in;

import dev.parley.application.calendar.port.out.CalendarEvent;
import dev.parley.domain.shared.TenantId;

import java.util.List;

/** The tenant's upcoming events, in start order. */
public interface ListCalendarEventsUseCase {
    List<CalendarEvent> upcoming(TenantId tenant, int maxResults);
}
