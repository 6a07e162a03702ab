package dev.parley.application.calendar.port.out;

import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Our own record of meetings being booked and booked: a slot is held here before the calendar is asked,
 * so two calls can never book overlapping times of one tenant. Run inside {@code Transactions}.
 */
public interface SlotHolds {
    /**
     * Holds {@code when} for the tenant unless a booking or a live hold overlaps it; holds older than
     * {@code staleBefore} that were never confirmed no longer count.
     *
     * @param call null when no call books it
     * @return the hold's id, or empty when the time is taken
     */
    Optional<Long> hold(TenantId tenant, TimeRange when, CallId call, Instant now, Instant staleBefore);

    /** The hold became a booked event. */
    void confirm(long hold, String eventId);

    /** The booking failed: the time is free again. */
    void release(long hold);

    /** Booked and live held intervals overlapping {@code range}. */
    List<TimeRange> taken(TenantId tenant, TimeRange range, Instant staleBefore);

    /** The meeting a call booked, if any (the latest). */
    Optional<BookedMeeting> bookedBy(TenantId tenant, CallId call);

    record BookedMeeting(String eventId, TimeRange when) {
    }
}
