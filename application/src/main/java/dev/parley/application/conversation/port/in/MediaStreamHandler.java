package dev.parley.application.conversation.port.in;

/**
 * What the carrier side feeds into a live call, frame by frame. Never blocks; safe to call from an
 * event loop. Calls for one stream come one at a time.
 */
public interface MediaStreamHandler {
    /** A frame of caller audio: base64 μ-law, passed on untouched; {@code timestampMs} is the carrier's media clock. */
    void callerAudio(String base64Payload, long timestampMs);

    /** The carrier has played (or flushed) the audio queued before the mark of this name. */
    void markPlayed(String name);

    /** The caller hung up or the carrier ended the stream. */
    void carrierStopped();

    /** A frame that could not be understood; counted and skipped. */
    void malformedFrame();
}
