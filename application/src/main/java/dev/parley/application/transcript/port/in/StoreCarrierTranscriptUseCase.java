package dev.parley.application.transcript.port.in;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;

import java.util.Optional;

/** Fetches a finished carrier transcript and stores it twice: raw, in the carrier's format, and enhanced. */
public interface StoreCarrierTranscriptUseCase {
    /** The carrier says a transcript is ready (signed webhook); the tenant comes from our records of it. */
    StoreOutcome transcriptAvailable(String transcriptSid);

    /**
     * A tenant imports a transcript; it must be one we made for the tenant or one of the tenant's
     * calls, otherwise it is not found. Storing twice is a no-op.
     */
    StoreOutcome store(StoreTranscriptCommand command);

    /** @param direction overrides the call's direction when given; scenarioName may be blank */
    record StoreTranscriptCommand(TenantId tenant, String transcriptSid, String scenarioName, Optional<CallDirection> direction) {
    }
}
