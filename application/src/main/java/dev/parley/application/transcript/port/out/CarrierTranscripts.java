package dev.parley.application.transcript.port.out;

import dev.parley.domain.transcript.ChannelRoles;

import java.util.Optional;

/** The carrier's transcription service (Twilio Voice Intelligence): makes, reads and deletes transcripts. */
public interface CarrierTranscripts {
    /** Asks for a transcript of a call recording; answers the new transcript's id. */
    String createFromRecording(String serviceSid, String recordingSid, ChannelRoles roles, String customerKey);

    /** Asks for a transcript of media at a URL the carrier can fetch; answers the new transcript's id. */
    String createFromMediaUrl(String serviceSid, String mediaUrl, ChannelRoles roles, String customerKey);

    /** The transcript with all its sentences; empty when the carrier does not know it. */
    Optional<CarrierTranscript> fetch(String transcriptSid);

    /** Deletes the transcript at the carrier; a transcript already gone is fine. */
    void delete(String transcriptSid);
}
