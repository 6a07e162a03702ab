package dev.parley.application.transcript.port.in;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.TranscriptRequest;

/** Has the carrier transcribe audio at a URL, for a tenant. */
public interface RequestMediaTranscriptUseCase {
    TranscriptRequest request(RequestMediaTranscriptCommand command);

    /** @param scenarioName may be blank */
    record RequestMediaTranscriptCommand(TenantId tenant, String mediaUrl, CallDirection direction, String scenarioName) {
    }
}
