package dev.parley.domain.session;

import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserSessionTest {
    static final Instant NOW = Instant.parse("2026-12-06T17:00:00Z");

    @Test
    void aSessionIsUsableByItsTenantUntilItExpiresAndConnectsOneCall() {
        BrowserSession s = new BrowserSession("bs_1", new TenantId(1), new CallId(7), "sales", NOW.plusSeconds(600));
        assertThat(s.usableBy(new TenantId(1), NOW)).isTrue();
        assertThat(s.usableBy(new TenantId(2), NOW)).isFalse();
        assertThat(s.usableBy(new TenantId(1), NOW.plusSeconds(600))).isFalse();
        s.signalled("rtc_1");
        assertThat(s.isSignalled()).isTrue();
        assertThat(s.realtimeCallId()).contains("rtc_1");
        assertThatThrownBy(() -> s.signalled("rtc_2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anSdpOfferMustLookLikeOne() {
        String offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
        assertThat(new SdpOffer(offer).sdp()).isEqualTo(offer);
        for (String bad : new String[]{null, "", "  ", "hello", "v=0\r\ns=-\r\n", offer + "\u0000", "v=0\nm=a\n" + "x".repeat(SdpOffer.MAX_CHARS)})
            assertThatThrownBy(() -> new SdpOffer(bad)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aBrowserCallHasNoNumbersAndIsInProgressFromTheStart() {
        Call call = Call.startBrowser(new CallId(3), new TenantId(1), "sales", NOW);
        assertThat(call.channel()).isEqualTo(CallChannel.BROWSER);
        assertThat(call.customerNumber()).isNull();
        assertThat(call.organizationNumber()).isNull();
        assertThat(call.status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(call.answeredAt()).contains(NOW);
        assertThat(call.carrierSid()).isEmpty();
        assertThat(CallChannel.parse("browser")).isEqualTo(CallChannel.BROWSER);
        assertThat(CallChannel.parse("phone")).isEqualTo(CallChannel.PHONE);
    }
}
