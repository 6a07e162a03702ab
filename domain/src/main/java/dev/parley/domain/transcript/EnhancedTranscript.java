package dev.parley.domain.transcript;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A call's transcript prepared for reading: sentences tied to the agent or the customer by the
 * call's direction, from which the analysis follows.
 *
 * @param transcriptSid   the carrier transcript's id (GT…), or the call's id (CA…) for calls transcribed live
 * @param callSid         the carrier's call id, empty when not known
 * @param scenarioName    the scenario the agent played, empty when not known
 * @param durationSeconds the recording's length; 0 when unknown
 */
public record EnhancedTranscript(TenantId tenant, String transcriptSid, String callSid, Instant callDate, long durationSeconds,
                                 CallDirection direction, String scenarioName, List<TranscriptSentence> sentences) {
    public EnhancedTranscript {
        if (tenant == null || callDate == null || direction == null)
            throw new IllegalArgumentException("tenant, call date and direction are required");
        if (transcriptSid == null || transcriptSid.isBlank() || transcriptSid.length() > 64)
            throw new InvalidValueException("transcript_sid", "transcript-sid.invalid", "A transcript id has 1 to 64 characters");
        callSid = callSid == null ? "" : callSid;
        scenarioName = scenarioName == null ? "" : scenarioName;
        sentences = List.copyOf(sentences);
    }

    /**
     * The transcript of a call bridged live, from its captured lines in the order they were
     * captured: each speaker is put on the channel its role has for the call's direction (as on a
     * dual-channel recording), and the call's SID serves as the transcript id.
     */
    public static EnhancedTranscript ofCapturedLines(TenantId tenant, String callSid, Instant callDate, long durationSeconds,
                                                     CallDirection direction, String scenarioName, List<CapturedLine> lines) {
        ChannelRoles roles = ChannelRoles.forDirection(direction);
        List<TranscriptSentence> sentences = new ArrayList<>(lines.size());
        for (CapturedLine line : lines) {
            if (line == null || line.text() == null) continue;
            sentences.add(new TranscriptSentence(roles.channelOf(line.speaker()), sentences.size(), line.text(), line.startSeconds(),
                    line.endSeconds(), line.confidence()));
        }
        return new EnhancedTranscript(tenant, callSid, callSid, callDate, Math.max(0, durationSeconds), direction, scenarioName,
                sentences);
    }

    public ChannelRoles roles() {
        return ChannelRoles.forDirection(direction);
    }

    public TranscriptAnalysis analysis() {
        return TranscriptAnalysis.of(sentences, roles(), durationSeconds);
    }
}
