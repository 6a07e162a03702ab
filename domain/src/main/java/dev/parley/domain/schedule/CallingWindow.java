package dev.parley.domain.schedule;

import dev.parley.domain.shared.InvalidValueException;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a tenant's calls may ring: on the listed days, from {@code start} (inclusive) to {@code end}
 * (exclusive; {@code 24:00} is the end of the day), in the tenant's time zone. Local times are read
 * on the wall clock of that day, so a window follows daylight-saving changes; a start that falls
 * into a spring-forward gap opens at the first instant after the gap.
 */
public record CallingWindow(ZoneId zone, LocalTime start, LocalTime end, boolean endsAtMidnight, Set<DayOfWeek> days) {
    /** Every day, all day, UTC. */
    public static final CallingWindow ALWAYS = new CallingWindow(ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true,
            EnumSet.allOf(DayOfWeek.class));

    public CallingWindow {
        if (zone == null || start == null || end == null || days == null) throw new IllegalArgumentException("incomplete window");
        days = Set.copyOf(days);
        if (days.isEmpty()) throw new InvalidValueException("days", "calling-window.days", "days must name at least one day");
        if (!endsAtMidnight && !end.isAfter(start))
            throw new InvalidValueException("end", "calling-window.order", "end must be after start (windows do not span midnight)");
    }

    /** Reads the API's form: an IANA zone, {@code HH:mm} times ({@code 24:00} allowed as end), {@code MON}..{@code SUN}. */
    public static CallingWindow parse(String timeZone, String start, String end, List<String> days) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("time_zone", "calling-window.zone", "time_zone must be an IANA zone such as America/New_York");
        }
        LocalTime from = time("start", start, false);
        boolean midnightEnd = "24:00".equals(end == null ? null : end.strip());
        LocalTime to = midnightEnd ? LocalTime.MIDNIGHT : time("end", end, true);
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        if (days == null) set.addAll(EnumSet.allOf(DayOfWeek.class));
        else for (String d : days) set.add(day(d));
        return new CallingWindow(zone, from, to, midnightEnd, set);
    }

    private static LocalTime time(String field, String raw, boolean isEnd) {
        try {
            if (raw == null || !raw.strip().matches("\\d{2}:\\d{2}")) throw new DateTimeParseException("format", String.valueOf(raw), 0);
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "calling-window.time",
                    field + " must be a time HH:mm" + (isEnd ? " (24:00 for the end of the day)" : ""));
        }
    }

    private static DayOfWeek day(String raw) {
        String d = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) if (day.name().startsWith(d) && d.length() == 3) return day;
        throw new InvalidValueException("days", "calling-window.days", "days must be MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    /** {@code HH:mm}; the end of the day is {@code 24:00}. */
    public String endText() {
        return endsAtMidnight ? "24:00" : end.toString();
    }

    /** Whether a call may ring at this instant. */
    public boolean allows(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (!days.contains(date.getDayOfWeek())) return false;
        return !at.isBefore(opens(date)) && at.isBefore(closes(date));
    }

    /** The first instant at or after {@code from} when a call may ring. */
    public Instant nextAllowed(Instant from) {
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++, date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek())) continue;
            Instant opens = opens(date);
            Instant closes = closes(date);
            if (!opens.isBefore(closes)) continue;
            if (from.isBefore(opens)) return opens;
            if (from.isBefore(closes)) return from;
        }
        throw new IllegalStateException("a calling window with days always opens within a week");
    }

    private Instant opens(LocalDate date) {
        return wallClock(date, start);
    }

    /** The instant the wall clock shows {@code time} on {@code date}; in a spring-forward gap, the end of the gap. */
    private Instant wallClock(LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone.getRules().getValidOffsets(local).isEmpty()) return zone.getRules().getTransition(local).getInstant();
        return ZonedDateTime.of(local, zone).toInstant();
    }

    private Instant closes(LocalDate date) {
        if (endsAtMidnight) return date.plusDays(1).atStartOfDay(zone).toInstant();
        return wallClock(date, end);
    }
}
