package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("enhanced_transcripts")
record EnhancedTranscriptRow(@Id long id, long tenantId, String transcriptSid, String callSid, Instant callDate, long duration,
                             String callDirection, String scenarioName, int participantCount, int conversationTurns,
                             int totalWords, String speakers, String sentences, String fullText, Instant createdAt,
                             String source) {
}
