package dev.parley.domain.calendar;

import dev.parley.domain.shared.InvalidValueException;

import java.time.Duration;
import java.time.Instant;

/** A half-open stretch of time [start, end): a busy interval, a free slot, a search range. */
public record TimeRange(Instant start, Instant end) {
    public TimeRange {
        if (start == null || end == null) throw new InvalidValueException("start", "time-range.missing", "start and end are required");
        if (!end.isAfter(start)) throw new InvalidValueException("end", "time-range.order", "end must be after start");
    }

    public static TimeRange of(Instant start, Duration length) {
        return new TimeRange(start, start.plus(length));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** Whether the two share any instant (touching ends do not overlap). */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
