package dev.parley.application.call.port.in;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;

/**
 * What other contexts (transcripts, onboarding, the console) may know of a call.
 *
 * @param direction       {@code inbound} or {@code outbound}
 * @param status          the lifecycle status as Twilio names it ({@code queued}, {@code ringing}, {@code in-progress}, {@code completed}, …)
 * @param durationSeconds 0 until the call has ended
 */
public record CallSummary(TenantId tenant, long callId, String carrierCallSid, String direction, String scenarioRef,
                          String status, Instant createdAt, long durationSeconds) {
}
