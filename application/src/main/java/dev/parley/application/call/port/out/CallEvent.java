package dev.parley.application.call.port.out;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;

/**
 * Something that happened in, or is asked of, a live call, travelling between instances: the
 * instance holding a call's media stream may not be the one holding its consoles.
 * Phone numbers, transcripts and audio ride along because consoles show them; the bus is internal.
 */
public sealed interface CallEvent {
    TenantId tenant();

    /** The call's id as the console knows it. */
    String callId();

    Instant at();

    /** The call's lifecycle moved ({@code incoming}, {@code answered}, {@code in_progress}, {@code ended}); numbers may be empty. */
    record StatusChanged(TenantId tenant, String callId, String status, String customerNumber, String organizationNumber,
                         Instant at) implements CallEvent {
    }

    /** The caller said something (final or interim recognition). */
    record CustomerSpoke(TenantId tenant, String callId, String text, boolean isFinal, double confidence, String language,
                         Instant at) implements CallEvent {
    }

    /** The AI assistant said something (its own words, not recognised speech). */
    record AssistantSpoke(TenantId tenant, String callId, String text, Instant at) implements CallEvent {
    }

    /** A human agent typed a message into the console; the call's owner should speak it (takeover). */
    record SpeakRequested(TenantId tenant, String callId, String text, Instant at) implements CallEvent {
    }

    /** The owner played an agent message into the call; {@code audioBase64} is the μ-law audio that was sent. */
    record AgentSpoke(TenantId tenant, String callId, String text, String audioBase64, Instant at) implements CallEvent {
    }

    /** The console hands the call back to the AI assistant. */
    record HandBackRequested(TenantId tenant, String callId, Instant at) implements CallEvent {
    }

    /** Something failed for this call; {@code code} is one of the console protocol's error codes. */
    record Failed(TenantId tenant, String callId, String code, String message, Instant at) implements CallEvent {
    }

    /**
     * A person is needed on the call (seed 003): consoles show it as {@code call_status_update} with status
     * {@code escalated}; {@code urgency} is emergency, high or normal, {@code action} transferred or flagged.
     */
    record Escalated(TenantId tenant, String callId, String reason, String urgency, String action, Instant at) implements CallEvent {
    }
}
