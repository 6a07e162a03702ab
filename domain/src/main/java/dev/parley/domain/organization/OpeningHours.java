package dev.parley.domain.organization;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** When the organization is open on one weekday (local time of its time zone); a day not listed is closed. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) throw Limits.invalid("business.hours", "hours-order", "must open before it closes");
    }
}
