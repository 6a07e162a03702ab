package dev.parley.domain.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When meetings may be booked: on the listed days, from {@code start} to {@code end} on the wall clock of
 * the tenant's zone ({@code endsAtMidnight}: to the end of the day). Follows daylight-saving changes.
 */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end, boolean endsAtMidnight, Set<DayOfWeek> days) {
    public WorkingHours {
        if (zone == null || start == null || end == null || days == null || days.isEmpty())
            throw new IllegalArgumentException("incomplete working hours");
        days = Set.copyOf(days);
        if (!endsAtMidnight && !end.isAfter(start)) throw new IllegalArgumentException("working hours end before they start");
    }

    /** 09:00 to 17:00, Monday to Friday, in {@code zone}. */
    public static WorkingHours standard(ZoneId zone) {
        return new WorkingHours(zone, LocalTime.of(9, 0), LocalTime.of(17, 0), false,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    /** The open stretches that meet {@code range}, cut to it, in order. */
    public List<TimeRange> openWithin(TimeRange range) {
        List<TimeRange> open = new ArrayList<>();
        LocalDate day = range.start().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = range.end().atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) continue;
            Instant opens = wallClock(day, start);
            Instant closes = endsAtMidnight ? day.plusDays(1).atStartOfDay(zone).toInstant() : wallClock(day, end);
            Instant from = opens.isAfter(range.start()) ? opens : range.start();
            Instant to = closes.isBefore(range.end()) ? closes : range.end();
            if (to.isAfter(from)) open.add(new TimeRange(from, to));
        }
        return open;
    }

    private Instant wallClock(LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone.getRules().getValidOffsets(local).isEmpty()) return zone.getRules().getTransition(local).getInstant();
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
