package dev.parley.application.transcript.port.out;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.SpeakerRole;
import dev.parley.domain.transcript.TranscriptSource;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the enhanced-transcript list: the stored figures, without the sentences. For a live
 * transcript the transcript id is the call's SID.
 */
public record EnhancedTranscriptListing(long id, String transcriptSid, Instant callDate, long durationSeconds,
                                        CallDirection direction, String scenarioName, int participantCount,
                                        int conversationTurns, int totalWords, Map<Integer, SpeakerRole> speakers,
                                        TranscriptSource source) {
    public EnhancedTranscriptListing {
        speakers = Map.copyOf(speakers);
        if (source == null) throw new IllegalArgumentException("source is required");
    }
}
