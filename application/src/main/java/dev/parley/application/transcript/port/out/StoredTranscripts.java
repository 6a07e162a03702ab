package dev.parley.application.transcript.port.out;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;

/** Carrier transcripts kept in the carrier's own format, so reading one costs no carrier request. */
public interface StoredTranscripts {
    boolean exists(String transcriptSid);

    /** Throws {@link TranscriptAlreadyStoredException} when this transcript is stored already (by anyone). */
    void add(TenantId tenant, CarrierTranscript transcript, String scenarioName, Instant storedAt);

    Optional<CarrierTranscript> find(TenantId tenant, String transcriptSid);

    /** Newest first; {@code query} (blank for all) keeps those whose text has all its words. */
    Page<CarrierTranscript> list(TenantId tenant, String query, PageRequest page);

    void remove(TenantId tenant, String transcriptSid);
}
