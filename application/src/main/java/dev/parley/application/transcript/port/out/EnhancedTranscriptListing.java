package dev.parley.application.transcript.port.out;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.SpeakerRole;

import java.time.Instant;
import java.util.Map;

/** One line of the enhanced-transcript list: the stored figures, without the sentences. */
public record EnhancedTranscriptListing(long id, String transcriptSid, Instant callDate, long durationSeconds,
                                        CallDirection direction, String scenarioName, int participantCount,
                                        int conversationTurns, int totalWords, Map<Integer, SpeakerRole> speakers) {
    public EnhancedTranscriptListing {
        speakers = Map.copyOf(speakers);
    }
}
