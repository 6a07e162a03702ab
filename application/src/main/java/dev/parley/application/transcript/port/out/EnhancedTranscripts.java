package dev.parley.application.transcript.port.out;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.EnhancedTranscript;

import java.util.Optional;

/**
 * Transcripts prepared for reading, with their analysis figures; every lookup is scoped to one tenant.
 * The list also holds the live transcript of every call with captured lines (kept current as lines are
 * stored), except calls that have a Voice Intelligence transcript; {@link #find} and {@link #remove}
 * concern the Intelligence transcripts only.
 */
public interface EnhancedTranscripts {
    /** Throws {@link TranscriptAlreadyStoredException} when this transcript is stored already. */
    void add(EnhancedTranscript transcript);

    Optional<EnhancedTranscript> find(TenantId tenant, String transcriptSid);

    /** Newest call first; Intelligence and live transcripts together. */
    Page<EnhancedTranscriptListing> list(TenantId tenant, TranscriptFilter filter, PageRequest page);

    void remove(TenantId tenant, String transcriptSid);
}
