package dev.parley.domain.call;

import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final TenantId TENANT = new TenantId(7);

    private static Call outbound() {
        return Call.placeOutbound(new CallId(1), TENANT, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"), "sales", T0);
    }

    @Test
    void anOutboundCallWalksItsLifecycleForwardAndComputesItsDuration() {
        Call call = outbound();
        assertThat(call.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(call.recordStatus(CallStatus.RINGING, T0.plusSeconds(1), -1)).isTrue();
        assertThat(call.recordStatus(CallStatus.IN_PROGRESS, T0.plusSeconds(5), -1)).isTrue();
        assertThat(call.recordStatus(CallStatus.COMPLETED, T0.plusSeconds(65), -1)).isTrue();
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.answeredAt()).contains(T0.plusSeconds(5));
        assertThat(call.endedAt()).contains(T0.plusSeconds(65));
        assertThat(call.durationSeconds()).isEqualTo(60);
        assertThat(call.isEnded()).isTrue();
    }

    @Test
    void anAbsurdCarrierDurationIsClampedToADay() {
        // probe (issue 13, item 8): CallDuration=99999999999 on /call-status was stored as is
        Call call = outbound();
        call.recordStatus(CallStatus.IN_PROGRESS, T0.plusSeconds(5), -1);
        call.recordStatus(CallStatus.COMPLETED, T0.plusSeconds(65), 99_999_999_999L);
        assertThat(call.durationSeconds()).isEqualTo(Call.MAX_DURATION_SECONDS);
    }

    @Test
    void repeatedLateAndBackwardReportsChangeNothing() {
        Call call = outbound();
        call.recordStatus(CallStatus.IN_PROGRESS, T0.plusSeconds(5), -1);
        assertThat(call.recordStatus(CallStatus.IN_PROGRESS, T0.plusSeconds(6), -1)).isFalse();
        assertThat(call.recordStatus(CallStatus.RINGING, T0.plusSeconds(7), -1)).isFalse();
        assertThat(call.answeredAt()).contains(T0.plusSeconds(5));
        call.recordStatus(CallStatus.COMPLETED, T0.plusSeconds(30), 24);
        assertThat(call.recordStatus(CallStatus.FAILED, T0.plusSeconds(31), 0)).isFalse();
        assertThat(call.recordStatus(CallStatus.IN_PROGRESS, T0.plusSeconds(31), -1)).isFalse();
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.durationSeconds()).as("the carrier's figure wins").isEqualTo(24);
    }

    @Test
    void aCallMayEndFromAnyLiveStatusWithAnyFinalStatus() {
        Call busy = outbound();
        assertThat(busy.recordStatus(CallStatus.BUSY, T0.plusSeconds(3), 0)).isTrue();
        assertThat(busy.durationSeconds()).isZero();
        Call ringing = outbound();
        ringing.recordStatus(CallStatus.RINGING, T0, -1);
        assertThat(ringing.recordStatus(CallStatus.NO_ANSWER, T0.plusSeconds(60), -1)).isTrue();
        assertThat(ringing.durationSeconds()).isZero();
    }

    @Test
    void theCarriersStatusNamesAreRead() {
        assertThat(CallStatus.fromWire("in-progress")).contains(CallStatus.IN_PROGRESS);
        assertThat(CallStatus.fromWire("no-answer")).contains(CallStatus.NO_ANSWER);
        assertThat(CallStatus.fromWire("initiated")).contains(CallStatus.QUEUED);
        assertThat(CallStatus.fromWire("exploded")).isEmpty();
        assertThat(CallStatus.fromWire(null)).isEmpty();
    }

    @Test
    void aStreamTokenIsRedeemedOnceAndOnlyBeforeItExpires() {
        Call call = outbound();
        call.issueStreamToken("hash-a", T0.plusSeconds(600));
        assertThat(call.redeemStreamToken("hash-b", T0)).isFalse();
        assertThat(call.redeemStreamToken("hash-a", T0.plusSeconds(601))).isFalse();
        assertThat(call.redeemStreamToken("hash-a", T0.plusSeconds(10))).isTrue();
        assertThat(call.redeemStreamToken("hash-a", T0.plusSeconds(11))).as("one time").isFalse();
    }

    @Test
    void anEndedCallTakesNoStream() {
        Call call = outbound();
        call.issueStreamToken("hash-a", T0.plusSeconds(600));
        call.recordStatus(CallStatus.CANCELED, T0.plusSeconds(2), -1);
        assertThat(call.redeemStreamToken("hash-a", T0.plusSeconds(3))).isFalse();
    }

    @Test
    void theFirstEndReasonWins() {
        Call call = outbound();
        call.noteEndReason("model-unavailable");
        call.noteEndReason("caller-hung-up");
        assertThat(call.endReason()).contains("model-unavailable");
    }

    @Test
    void messagesAreTrimmedAndKeepSaneOffsets() {
        CallMessage m = new CallMessage(new CallId(1), TENANT, Speaker.CUSTOMER, "  hello ", 5, true, -3, -9, T0);
        assertThat(m.text()).isEqualTo("hello");
        assertThat(m.confidence()).isEqualTo(1);
        assertThat(m.startMs()).isZero();
        assertThat(m.endMs()).isZero();
    }

    @Test
    void aReportedCallEndsOnceWhenItsClientSaysSoWithItsDurationFromItsStart() {
        Call call = Call.startReported(new CallId(2), TENANT, CallChannel.BROWSER, CallDirection.INBOUND, null, "org:4", T0);
        assertThat(call.status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(call.carrierSid()).isEmpty();
        assertThat(call.endReported(T0.plusSeconds(42))).isTrue();
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.durationSeconds()).isEqualTo(42);
        assertThat(call.endReported(T0.plusSeconds(99))).as("a second report changes nothing").isFalse();
        assertThat(call.endedAt()).contains(T0.plusSeconds(42));
        assertThat(call.durationSeconds()).isEqualTo(42);

        Call phone = Call.startReported(new CallId(3), TENANT, CallChannel.PHONE, CallDirection.OUTBOUND, new PhoneNumber("+14155550100"),
                "org:4", T0);
        assertThat(phone.customerNumber()).isEqualTo(new PhoneNumber("+14155550100"));
        assertThat(phone.organizationNumber()).isNull();
        assertThatThrownBy(() -> Call.startReported(new CallId(4), TENANT, CallChannel.BROWSER, CallDirection.INBOUND,
                new PhoneNumber("+14155550100"), "org:4", T0)).isInstanceOf(dev.parley.domain.shared.InvalidValueException.class);
    }

    @Test
    void aCallTheCarrierCarriesCannotBeEndedByAClient() {
        Call queued = outbound();
        assertThatThrownBy(() -> queued.endReported(T0)).isInstanceOf(NotAClientCallException.class);
        Call dialled = outbound();
        dialled.dialled("CA123");
        dialled.recordStatus(CallStatus.IN_PROGRESS, T0.plusSeconds(5), -1);
        assertThatThrownBy(() -> dialled.endReported(T0.plusSeconds(9))).isInstanceOf(NotAClientCallException.class);
        assertThat(dialled.status()).isEqualTo(CallStatus.IN_PROGRESS);
        Call notPlaced = outbound();
        notPlaced.notPlaced("twilio refused", T0);
        assertThatThrownBy(() -> notPlaced.endReported(T0)).isInstanceOf(NotAClientCallException.class);
    }
}
