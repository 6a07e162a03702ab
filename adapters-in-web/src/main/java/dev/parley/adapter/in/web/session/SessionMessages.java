package dev.parley.adapter.in.web.session;

import dev.parley.application.session.port.in.BrowserSessionView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

/** Bodies of the browser realtime routes (seed 004, snake_case). */
final class SessionMessages {
    private SessionMessages() {
    }

    /** {@code {"scenario": "sales"}} (a built-in) or {@code {"scenario_id": "custom_…"}} (one of mine). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record SessionRequest(@Nullable @Size(max = 100) String scenario, @Nullable @Size(max = 100) String scenarioId) {
    }

    /** {@code {"org_id": 42}}: one of my organizations (seed 003). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record OrgSessionRequest(@Nullable Long orgId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SessionResponse(String sessionId, ClientSecret clientSecret, String model, String voice, long callId) {
        static SessionResponse of(BrowserSessionView v) {
            return new SessionResponse(v.sessionId(), new ClientSecret(v.clientSecret(), v.expiresAt().getEpochSecond()), v.model(),
                    v.voice(), v.callId());
        }

        @Override
        public String toString() {
            return "SessionResponse[sessionId=" + sessionId + ", callId=" + callId + "]";
        }
    }

    /** The ephemeral key and when it stops working (Unix seconds, as OpenAI gives it). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record ClientSecret(String value, long expiresAt) {
        @Override
        public String toString() {
            return "ClientSecret[expiresAt=" + expiresAt + "]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SignalRequest(@Nullable String sdp, @Nullable @Size(max = 100) String sessionId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SignalResponse(String sdp) {
    }
}
