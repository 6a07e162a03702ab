package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("stored_twilio_transcripts")
record StoredTwilioTranscriptRow(@Id long id, long tenantId, String transcriptSid, String status, String dateCreated,
                                 String dateUpdated, int duration, String languageCode, String sentences, String accountSid,
                                 String serviceSid, String customerKey, String callSid, String scenarioName, String fullText,
                                 Instant storedAt) {
}
