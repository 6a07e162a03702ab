package dev.parley.domain.calendar;

import dev.parley.domain.shared.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free meeting slots: working hours minus busy intervals, never in the past. Slots start on a
 * quarter-hour grid (in epoch time, so on :00, :15, :30, :45 in every whole-hour or half-hour zone)
 * and follow each other back to back while the time is free.
 */
public final class FreeSlots {
    /** Where slot starts may fall. */
    public static final Duration GRID = Duration.ofMinutes(15);
    public static final Duration SHORTEST = Duration.ofMinutes(5);
    public static final Duration LONGEST = Duration.ofHours(8);
    public static final int MOST = 50;

    private FreeSlots() {
    }

    /**
     * @param hours    when meetings may happen
     * @param busy     taken intervals, in any order, overlapping or not
     * @param search   where to look
     * @param length   how long each slot is
     * @param now      nothing starts before it
     * @param max      at most this many slots, earliest first
     */
    public static List<TimeRange> find(WorkingHours hours, List<TimeRange> busy, TimeRange search, Duration length, Instant now, int max) {
        checkLength(length);
        if (max < 1 || max > MOST) throw new InvalidValueException("max_results", "slots.max", "max_results must be between 1 and " + MOST);
        List<TimeRange> taken = busy.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
        List<TimeRange> slots = new ArrayList<>();
        Instant earliest = ceil(now);
        for (TimeRange open : hours.openWithin(search)) {
            Instant cursor = ceil(open.start().isAfter(earliest) ? open.start() : earliest);
            while (!cursor.plus(length).isAfter(open.end())) {
                TimeRange candidate = TimeRange.of(cursor, length);
                Instant blockedUntil = blockedUntil(candidate, taken);
                if (blockedUntil == null) {
                    slots.add(candidate);
                    if (slots.size() == max) return List.copyOf(slots);
                    cursor = candidate.end();
                } else {
                    cursor = ceil(blockedUntil);
                }
            }
        }
        return List.copyOf(slots);
    }

    /** Whether {@code wanted} lies inside working hours and clear of every busy interval. */
    public static boolean isFree(WorkingHours hours, List<TimeRange> busy, TimeRange wanted) {
        boolean inHours = hours.openWithin(wanted).stream().anyMatch(open -> open.contains(wanted));
        return inHours && busy.stream().noneMatch(wanted::overlaps);
    }

    public static void checkLength(Duration length) {
        if (length == null || length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0)
            throw new InvalidValueException("duration_minutes", "slots.duration", "duration_minutes must be between 5 and 480");
    }

    /** The end of the latest busy interval overlapping {@code candidate}, or null when it is free. */
    private static Instant blockedUntil(TimeRange candidate, List<TimeRange> taken) {
        Instant until = null;
        for (TimeRange b : taken) {
            if (!b.start().isBefore(candidate.end())) break;
            if (b.overlaps(candidate) && (until == null || b.end().isAfter(until))) until = b.end();
        }
        return until;
    }

    /** Rounds up to the grid. */
    static Instant ceil(Instant at) {
        long grid = GRID.toMillis();
        long ms = at.toEpochMilli();
        long rounded = Math.floorDiv(ms + grid - 1, grid) * grid;
        return Instant.ofEpochMilli(rounded);
    }
}
