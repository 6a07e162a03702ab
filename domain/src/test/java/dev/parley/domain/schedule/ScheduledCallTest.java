package dev.parley.domain.schedule;

import dev.parley.domain.shared.ConflictException;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduledCallTest {
    private static final Instant NOW = Instant.parse("2026-12-21T15:00:00Z");
    private static final TenantId TENANT = new TenantId(7);

    private static ScheduledCall at(Instant when) {
        return ScheduledCall.schedule(new ScheduledCallId(1), TENANT, new PhoneNumber("+15055550100"), "sales", when, CallingWindow.ALWAYS, NOW);
    }

    @Test
    void aNewScheduleIsPendingAndDueAtItsTime() {
        ScheduledCall call = at(NOW.plusSeconds(3600));
        assertThat(call.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(call.dueAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(call.attempts()).isZero();
        // up to a minute late is accepted and due at once
        assertThat(at(NOW.minusSeconds(50)).dueAt()).isEqualTo(NOW);
    }

    @Test
    void timesInThePastTooFarAheadOrOutsideTheWindowAreRefused() {
        assertThatThrownBy(() -> at(NOW.minusSeconds(61))).isInstanceOf(InvalidValueException.class).hasMessageContaining("past");
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofDays(367)))).isInstanceOf(InvalidValueException.class).hasMessageContaining("year");
        CallingWindow weekdays = CallingWindow.parse("America/New_York", "09:00", "20:00", List.of("MON", "TUE", "WED", "THU", "FRI"));
        assertThatThrownBy(() -> ScheduledCall.schedule(new ScheduledCallId(1), TENANT, new PhoneNumber("+15055550100"), "sales",
                Instant.parse("2026-12-26T15:00:00Z"), weekdays, NOW))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("next allowed time is 2026-12-28T09:00:00-05:00");
    }

    @Test
    void aPendingScheduleMovesAndCancelsButADoneOneDoesNot() {
        ScheduledCall call = at(NOW.plusSeconds(3600));
        call.moveTo(NOW.plusSeconds(7200), CallingWindow.ALWAYS, NOW);
        assertThat(call.scheduledTime()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(call.dueAt()).isEqualTo(NOW.plusSeconds(7200));
        call.cancel(NOW);
        assertThat(call.status()).isEqualTo(ScheduleStatus.CANCELED);
        assertThatThrownBy(() -> call.cancel(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> call.moveTo(NOW.plusSeconds(60), CallingWindow.ALWAYS, NOW)).isInstanceOf(ConflictException.class);
        assertThat(call.startPlacing(NOW)).isFalse();
    }

    @Test
    void placingIsClaimedOnceAndEndsPlacedFailedOrRetried() {
        ScheduledCall call = at(NOW);
        assertThat(call.startPlacing(NOW)).isTrue();
        assertThat(call.startPlacing(NOW)).isFalse();
        assertThatThrownBy(() -> call.cancel(NOW)).isInstanceOf(ConflictException.class);
        call.retryAt(NOW.plusSeconds(30), "503", NOW);
        assertThat(call.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(call.dueAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(call.isEarly(NOW)).isTrue();
        assertThat(call.startPlacing(NOW.plusSeconds(30))).isTrue();
        call.placed(42, "CA1", NOW.plusSeconds(31));
        assertThat(call.status()).isEqualTo(ScheduleStatus.PLACED);
        assertThat(call.attempts()).isEqualTo(2);
        assertThat(call.callId()).contains(42L);
        assertThat(call.callSid()).contains("CA1");
        assertThat(call.lastError()).isEmpty();
    }

    @Test
    void aScheduleFoundPlacingAgainWasInterruptedAndALateOneIsMissed() {
        ScheduledCall dialling = at(NOW);
        dialling.startPlacing(NOW);
        dialling.interrupted(NOW.plusSeconds(60));
        assertThat(dialling.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(dialling.lastError()).contains("interrupted");

        ScheduledCall late = at(NOW);
        assertThat(late.isLate(NOW.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15))).isFalse();
        assertThat(late.isLate(NOW.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15))).isTrue();
        late.missed(NOW.plus(Duration.ofMinutes(16)));
        assertThat(late.status()).isEqualTo(ScheduleStatus.MISSED);
        assertThat(late.status().isFinal()).isTrue();
    }
}
