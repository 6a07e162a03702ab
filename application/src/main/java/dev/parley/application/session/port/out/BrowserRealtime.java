package dev.parley.application.session.port.out;

import dev.parley.domain.session.SdpOffer;

import java.time.Instant;

/** The realtime vendor's browser side: short-lived client secrets and WebRTC call set-up with the server's key. */
public interface BrowserRealtime {
    /** A client secret for a session briefed so. The secret is for the browser only: never log it. */
    ClientSecret mintClientSecret(BrowserBrief brief);

    /** Connects a WebRTC call for an offer, with this briefing; answers the SDP answer and the vendor's call id. */
    SignalAnswer connect(BrowserBrief brief, SdpOffer offer);

    record ClientSecret(String value, Instant expiresAt, String model, String voice) {
        @Override
        public String toString() {
            return "ClientSecret[expiresAt=" + expiresAt + ", model=" + model + ", voice=" + voice + "]";
        }
    }

    record SignalAnswer(String sdp, String callId) {
    }
}
