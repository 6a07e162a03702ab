package dev.parley.application.transcript.port.in;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.domain.shared.TenantId;

/** The tenant's stored carrier transcripts, in the carrier's format. */
public interface ReadStoredTranscriptsUseCase {
    Page<CarrierTranscript> listStored(TenantId tenant, String query, PageRequest page);

    CarrierTranscript getStored(TenantId tenant, String transcriptSid);
}
