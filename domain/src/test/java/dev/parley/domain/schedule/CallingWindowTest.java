package dev.parley.domain.schedule;

import dev.parley.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallingWindowTest {
    private static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI");
    private static final CallingWindow NEW_YORK = CallingWindow.parse("America/New_York", "09:00", "20:00", WEEKDAYS);

    @Test
    void theDefaultAllowsEveryInstant() {
        assertThat(CallingWindow.ALWAYS.allows(Instant.parse("2026-12-25T00:00:00Z"))).isTrue();
        assertThat(CallingWindow.ALWAYS.allows(Instant.parse("2026-12-27T23:59:59Z"))).isTrue();
        assertThat(CallingWindow.ALWAYS.nextAllowed(Instant.parse("2026-12-27T23:59:59Z"))).isEqualTo("2026-12-27T23:59:59Z");
        assertThat(CallingWindow.ALWAYS.endText()).isEqualTo("24:00");
    }

    @Test
    void aWeekdayWindowIsReadOnTheTenantsWallClock() {
        // Thursday 2026-12-24, New York is UTC-5
        assertThat(NEW_YORK.allows(Instant.parse("2026-12-24T14:00:00Z"))).isTrue();
        assertThat(NEW_YORK.allows(Instant.parse("2026-12-24T13:59:59Z"))).isFalse();
        assertThat(NEW_YORK.allows(Instant.parse("2026-12-25T00:59:59Z"))).isTrue();
        assertThat(NEW_YORK.allows(Instant.parse("2026-12-25T01:00:00Z"))).isFalse();
        assertThat(NEW_YORK.nextAllowed(Instant.parse("2026-12-24T12:00:00Z"))).isEqualTo("2026-12-24T14:00:00Z");
        // Friday evening after 20:00: next is Monday 09:00
        assertThat(NEW_YORK.nextAllowed(Instant.parse("2026-12-26T02:00:00Z"))).isEqualTo("2026-12-28T14:00:00Z");
        // Saturday
        assertThat(NEW_YORK.allows(Instant.parse("2026-12-26T15:00:00Z"))).isFalse();
    }

    @Test
    void theWindowFollowsDaylightSavingTime() {
        // 2026-03-08: New York springs forward; 09:00 is 13:00Z on Monday 9 March (EDT) but 14:00Z the Friday before (EST)
        assertThat(NEW_YORK.nextAllowed(Instant.parse("2026-03-07T12:00:00Z"))).isEqualTo("2026-03-09T13:00:00Z");
        assertThat(NEW_YORK.allows(Instant.parse("2026-03-09T13:00:00Z"))).isTrue();
        assertThat(NEW_YORK.allows(Instant.parse("2026-03-06T13:30:00Z"))).isFalse();
        // 2026-11-01: back to EST; Monday 2 November opens at 14:00Z
        assertThat(NEW_YORK.nextAllowed(Instant.parse("2026-10-31T12:00:00Z"))).isEqualTo("2026-11-02T14:00:00Z");
        assertThat(NEW_YORK.allows(Instant.parse("2026-11-02T13:30:00Z"))).isFalse();
    }

    @Test
    void aStartInsideTheSpringForwardGapOpensRightAfterIt() {
        CallingWindow night = CallingWindow.parse("America/New_York", "02:30", "05:00", null);
        // 02:30 does not exist on 2026-03-08: the window opens at 03:00 EDT = 07:00Z
        assertThat(night.nextAllowed(Instant.parse("2026-03-08T05:00:00Z"))).isEqualTo("2026-03-08T07:00:00Z");
        assertThat(night.allows(Instant.parse("2026-03-08T06:59:59Z"))).isFalse();
        // on the fall-back day 02:30-05:00 EST lasts its usual 2.5 hours after the repeated hour
        assertThat(night.allows(Instant.parse("2026-11-01T07:30:00Z"))).isTrue();
    }

    @Test
    void badWindowsAreRejected() {
        assertThatThrownBy(() -> CallingWindow.parse("Mars/Olympus", "09:00", "17:00", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CallingWindow.parse("UTC", "9am", "17:00", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CallingWindow.parse("UTC", "18:00", "17:00", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CallingWindow.parse("UTC", "09:00", "17:00", List.of("FUNDAY"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CallingWindow.parse("UTC", "09:00", "17:00", List.of())).isInstanceOf(InvalidValueException.class);
        assertThat(CallingWindow.parse("UTC", "00:00", "24:00", List.of("sun")).allows(Instant.parse("2026-12-27T23:59:59Z"))).isTrue();
    }
}
