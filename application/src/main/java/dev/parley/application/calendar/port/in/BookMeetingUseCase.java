package dev.parley.application.calendar.port.in;

import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Books a meeting in the tenant's calendar without ever double booking: the slot is held in our
 * database, re-checked against the calendar's free/busy, and only then inserted.
 */
public interface BookMeetingUseCase {
    BookingOutcome book(BookMeetingCommand command);

    /** @param call null when no call books it */
    record BookMeetingCommand(TenantId tenant, CallId call, Instant start, Duration length, String attendeeName, String notes) {
    }

    sealed interface BookingOutcome {
        record Booked(String eventId, TimeRange when) implements BookingOutcome {
        }

        /**
         * @param reason       {@code taken} (another booking got it first), {@code busy}, {@code outside_hours} or {@code past}
         * @param alternatives free slots of the same length nearby
         */
        record Unavailable(String reason, List<TimeRange> alternatives) implements BookingOutcome {
        }
    }
}
