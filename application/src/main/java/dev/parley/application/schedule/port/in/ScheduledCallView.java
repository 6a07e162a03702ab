package dev.parley.application.schedule.port.in;

import dev.parley.domain.schedule.ScheduledCall;

import java.time.Instant;

/** A scheduled call as the tenant sees it; {@code callId}/{@code callSid} once placed. */
public record ScheduledCallView(long id, String phoneNumber, String scenario, Instant scheduledTime, String status, int attempts,
                                String lastError, Long callId, String callSid, Instant createdAt, Instant updatedAt) {
    public static ScheduledCallView of(ScheduledCall s) {
        return new ScheduledCallView(s.id().value(), s.to().e164(), s.scenarioRef(), s.scheduledTime(), s.status().wireName(), s.attempts(),
                s.lastError().orElse(null), s.callId().orElse(null), s.callSid().orElse(null), s.createdAt(), s.updatedAt());
    }
}
