package dev.parley.application.calendar.port.out;

import dev.parley.domain.calendar.TimeRange;

import java.time.Instant;
import java.util.List;

/**
 * The tenant's primary calendar at the provider, reached with an access token. Every method may throw
 * {@link CalendarAccessDeniedException} (token refused) or {@link CalendarUnavailableException}.
 */
public interface ExternalCalendar {
    /** Upcoming single events (recurring ones expanded) that end after {@code from}, in start order. */
    List<CalendarEvent> upcoming(String accessToken, Instant from, int max);

    /** The busy intervals within {@code range}. */
    List<TimeRange> busy(String accessToken, TimeRange range);

    /** Creates the event and answers its id. */
    String insert(String accessToken, NewEvent event);
}
