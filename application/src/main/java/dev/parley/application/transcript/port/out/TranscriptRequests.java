package dev.parley.application.transcript.port.out;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.TranscriptRequest;

import java.util.Optional;

/** The transcripts we asked the carrier for, and whose they are. */
public interface TranscriptRequests {
    /** Throws {@link TranscriptAlreadyStoredException} when the transcript or its recording is already known. */
    void add(TranscriptRequest request);

    /** For carrier webhooks, which name a transcript but no tenant. */
    Optional<TranscriptRequest> bySid(String transcriptSid);

    Optional<TranscriptRequest> byRecordingSid(String recordingSid);

    Optional<TranscriptRequest> find(TenantId tenant, String transcriptSid);

    /** Newest first. */
    Page<TranscriptRequest> list(TenantId tenant, PageRequest page);

    void remove(TenantId tenant, String transcriptSid);
}
