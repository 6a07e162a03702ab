package dev.parley.application.session.port.in;

import java.time.Instant;

/**
 * What the browser gets: its session, the ephemeral client secret (never the server's key) and
 * when it expires, the model and voice it will talk to, and the call record it feeds.
 */
public record BrowserSessionView(String sessionId, String clientSecret, Instant expiresAt, String model, String voice, long callId) {
    @Override
    public String toString() {
        return "BrowserSessionView[sessionId=" + sessionId + ", expiresAt=" + expiresAt + ", model=" + model + ", callId=" + callId + "]";
    }
}
