package dev.parley.domain.transcript;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;

/**
 * A transcript we asked the carrier to make, and whose it is: made from a call's recording
 * (recording callback) or from a media URL a tenant gave. Completion webhooks name only the
 * transcript; this says which tenant, call and direction it belongs to.
 *
 * @param callSid      the call it transcribes, empty for a media URL without a call
 * @param recordingSid the recording it was made from, empty for a media URL
 * @param mediaUrl     the media it was made from, empty for a recording
 * @param scenarioName empty when not known
 */
public record TranscriptRequest(TenantId tenant, String transcriptSid, String callSid, String recordingSid, String mediaUrl,
                                CallDirection direction, String scenarioName, Instant createdAt) {
    public TranscriptRequest {
        if (tenant == null || transcriptSid == null || transcriptSid.isBlank() || direction == null || createdAt == null)
            throw new IllegalArgumentException("tenant, transcript id, direction and time are required");
        callSid = callSid == null ? "" : callSid;
        recordingSid = recordingSid == null ? "" : recordingSid;
        mediaUrl = mediaUrl == null ? "" : mediaUrl;
        scenarioName = scenarioName == null ? "" : scenarioName;
    }
}
