package dev.parley.domain.calendar;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeSlotsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final WorkingHours HOURS = WorkingHours.standard(NEW_YORK);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    /** Monday 5 January 2026 at hh:mm in New York. */
    private static Instant monday(int hour, int minute) {
        return ZonedDateTime.of(2026, 1, 5, hour, minute, 0, 0, NEW_YORK).toInstant();
    }

    private static TimeRange range(Instant start, Instant end) {
        return new TimeRange(start, end);
    }

    @Test
    void anEmptyDayOffersBackToBackSlotsFromNineOClock() {
        List<TimeRange> slots = FreeSlots.find(HOURS, List.of(), range(monday(0, 0), monday(23, 0)), HALF_HOUR, monday(0, 0), 3);
        assertThat(slots).containsExactly(TimeRange.of(monday(9, 0), HALF_HOUR), TimeRange.of(monday(9, 30), HALF_HOUR),
                TimeRange.of(monday(10, 0), HALF_HOUR));
    }

    @Test
    void noSlotOverlapsABusyIntervalAndTheNextStartsOnTheGridAfterIt() {
        List<TimeRange> busy = List.of(range(monday(9, 10), monday(10, 5)), range(monday(10, 30), monday(11, 0)));
        List<TimeRange> slots = FreeSlots.find(HOURS, busy, range(monday(0, 0), monday(23, 0)), HALF_HOUR, monday(0, 0), 3);
        assertThat(slots).containsExactly(TimeRange.of(monday(11, 0), HALF_HOUR), TimeRange.of(monday(11, 30), HALF_HOUR),
                TimeRange.of(monday(12, 0), HALF_HOUR));
        // 10:15-10:30 is free but too short for half an hour
        assertThat(slots).noneMatch(s -> busy.stream().anyMatch(s::overlaps));
    }

    @Test
    void overlappingAndUnsortedBusyIntervalsAreMerged() {
        List<TimeRange> busy = List.of(range(monday(10, 0), monday(12, 0)), range(monday(9, 0), monday(10, 30)),
                range(monday(11, 0), monday(16, 0)));
        List<TimeRange> slots = FreeSlots.find(HOURS, busy, range(monday(0, 0), monday(23, 0)), HALF_HOUR, monday(0, 0), 5);
        assertThat(slots).containsExactly(TimeRange.of(monday(16, 0), HALF_HOUR), TimeRange.of(monday(16, 30), HALF_HOUR));
    }

    @Test
    void nothingStartsInThePastAndNowIsRoundedUpToTheQuarterHour() {
        List<TimeRange> slots = FreeSlots.find(HOURS, List.of(), range(monday(0, 0), monday(23, 0)), HALF_HOUR, monday(13, 7), 1);
        assertThat(slots).containsExactly(TimeRange.of(monday(13, 15), HALF_HOUR));
    }

    @Test
    void slotsNeverCrossTheEndOfWorkingHoursAndWeekendsAreSkipped() {
        Instant fridayAfternoon = ZonedDateTime.of(2026, 1, 9, 16, 20, 0, 0, NEW_YORK).toInstant();
        List<TimeRange> slots = FreeSlots.find(HOURS, List.of(), range(fridayAfternoon, fridayAfternoon.plus(Duration.ofDays(4))),
                Duration.ofMinutes(45), fridayAfternoon, 2);
        Instant nextMonday = ZonedDateTime.of(2026, 1, 12, 9, 0, 0, 0, NEW_YORK).toInstant();
        assertThat(slots).containsExactly(TimeRange.of(nextMonday, Duration.ofMinutes(45)),
                TimeRange.of(nextMonday.plus(Duration.ofMinutes(45)), Duration.ofMinutes(45)));
    }

    @Test
    void workingHoursFollowDaylightSavingTime() {
        // 8 March 2026: clocks in New York go forward; Monday 9 March opens at 13:00 UTC, not 14:00
        WorkingHours everyDay = new WorkingHours(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0), false, EnumSet.allOf(DayOfWeek.class));
        Instant before = ZonedDateTime.of(2026, 3, 6, 0, 0, 0, 0, NEW_YORK).toInstant();
        List<TimeRange> open = everyDay.openWithin(range(before, before.plus(Duration.ofDays(4))));
        assertThat(open).extracting(TimeRange::start).contains(Instant.parse("2026-03-06T14:00:00Z"), Instant.parse("2026-03-09T13:00:00Z"));
    }

    @Test
    void isFreeAsksForWorkingHoursAndNoOverlap() {
        List<TimeRange> busy = List.of(range(monday(10, 0), monday(11, 0)));
        assertThat(FreeSlots.isFree(HOURS, busy, TimeRange.of(monday(11, 0), HALF_HOUR))).isTrue();
        assertThat(FreeSlots.isFree(HOURS, busy, TimeRange.of(monday(10, 45), HALF_HOUR))).isFalse();
        assertThat(FreeSlots.isFree(HOURS, busy, TimeRange.of(monday(16, 45), HALF_HOUR))).isFalse();
        assertThat(FreeSlots.isFree(HOURS, busy, TimeRange.of(monday(8, 0), HALF_HOUR))).isFalse();
    }

    @Test
    void badLengthsAndCountsAreRefused() {
        TimeRange day = range(monday(0, 0), monday(23, 0));
        assertThatThrownBy(() -> FreeSlots.find(HOURS, List.of(), day, Duration.ofMinutes(2), monday(0, 0), 3))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> FreeSlots.find(HOURS, List.of(), day, HALF_HOUR, monday(0, 0), 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new TimeRange(monday(10, 0), monday(9, 0))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aRevokedConnectionNeedsReconnectingUntilARefreshSucceeds() {
        CalendarConnection c = CalendarConnection.connect(new TenantId(1), new CalendarTokens("a", "r", monday(10, 0)), "s", monday(9, 0));
        assertThat(c.tokens().accessExpired(monday(9, 59))).isTrue();
        assertThat(c.tokens().accessExpired(monday(9, 58))).isFalse();
        c.revokedAtGoogle();
        assertThat(c.usable()).isFalse();
        c.refreshed("a2", null, monday(11, 0));
        assertThat(c.usable()).isTrue();
        assertThat(c.tokens().refreshToken()).isEqualTo("r");
        assertThat(c.tokens().toString()).doesNotContain("a2").doesNotContain("r,");
    }
}
