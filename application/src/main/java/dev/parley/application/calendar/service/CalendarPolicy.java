package dev.parley.application.calendar.service;

import java.time.Duration;

/**
 * Tunables of the calendar context.
 *
 * @param stateLifetime   how long an OAuth {@code state} may take to come back (10 minutes)
 * @param holdLifetime    how long an unconfirmed slot hold counts (a booking that crashed half way frees its slot after it)
 * @param searchWindow    how far ahead slots are looked for when no end is given
 * @param offeredSlots    how many free slots a calendar call's instructions name
 */
public record CalendarPolicy(Duration stateLifetime, Duration holdLifetime, Duration searchWindow, int offeredSlots) {
    public static final CalendarPolicy DEFAULT = new CalendarPolicy(Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofDays(7), 5);
}
