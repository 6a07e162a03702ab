package dev.parley.application.calendar.port.out;

import dev.parley.domain.calendar.TimeRange;

import java.time.ZoneId;

/** An event we put into the tenant's calendar; {@code bookingRef} tags it as ours. */
public record NewEvent(String summary, String description, TimeRange when, ZoneId zone, String bookingRef) {
}
