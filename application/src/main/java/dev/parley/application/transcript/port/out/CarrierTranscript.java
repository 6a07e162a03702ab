package dev.parley.application.transcript.port.out;

import dev.parley.domain.transcript.TranscriptSentence;

import java.util.List;

/**
 * A carrier (Twilio Voice Intelligence) transcript and its sentences, in the carrier's own terms.
 * Text fields are empty, never null, when the carrier left them out.
 *
 * @param dateCreated ISO 8601, as the carrier wrote it
 * @param callSid     the call the transcribed recording belongs to, when the carrier says
 */
public record CarrierTranscript(String sid, String accountSid, String serviceSid, String status, String dateCreated,
                                String dateUpdated, long durationSeconds, String languageCode, String customerKey,
                                String callSid, List<CarrierSentence> sentences) {
    public CarrierTranscript {
        accountSid = orEmpty(accountSid);
        serviceSid = orEmpty(serviceSid);
        status = orEmpty(status);
        dateCreated = orEmpty(dateCreated);
        dateUpdated = orEmpty(dateUpdated);
        languageCode = languageCode == null || languageCode.isBlank() ? "en-US" : languageCode;
        customerKey = orEmpty(customerKey);
        callSid = orEmpty(callSid);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    public boolean isCompleted() {
        return "completed".equalsIgnoreCase(status);
    }

    public List<TranscriptSentence> domainSentences() {
        return sentences.stream().map(CarrierSentence::toSentence).toList();
    }

    /** The sentences' text in order, for search. */
    public String fullText() {
        return String.join(" ", sentences.stream().map(s -> s.transcript().strip()).filter(t -> !t.isEmpty()).toList());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
