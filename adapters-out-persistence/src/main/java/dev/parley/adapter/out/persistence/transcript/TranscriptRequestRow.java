package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("transcript_requests")
record TranscriptRequestRow(@Id long id, long tenantId, String transcriptSid, String callSid, @Nullable String recordingSid,
                            String mediaUrl, String callDirection, String scenarioName, Instant createdAt) {
}
