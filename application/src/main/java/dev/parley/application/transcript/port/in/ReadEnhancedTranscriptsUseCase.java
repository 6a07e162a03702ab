package dev.parley.application.transcript.port.in;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.EnhancedTranscript;

/** The tenant's enhanced transcripts: stored ones, and the live-captured transcript of any of its calls. */
public interface ReadEnhancedTranscriptsUseCase {
    Page<EnhancedTranscriptListing> list(TenantId tenant, TranscriptFilter filter, PageRequest page);

    /** By transcript id, or by call id for a call bridged by this server; not found otherwise. */
    EnhancedTranscript get(TenantId tenant, String transcriptSid);
}
