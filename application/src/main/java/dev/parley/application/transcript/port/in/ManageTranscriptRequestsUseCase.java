package dev.parley.application.transcript.port.in;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.TranscriptRequest;

/** The tenant's carrier transcripts: list, read live from the carrier, delete. Another tenant's are not found. */
public interface ManageTranscriptRequestsUseCase {
    Page<TranscriptRequest> list(TenantId tenant, PageRequest page);

    CarrierTranscript fetch(TenantId tenant, String transcriptSid);

    /** Deletes it at the carrier and every copy we keep. */
    void delete(TenantId tenant, String transcriptSid);
}
