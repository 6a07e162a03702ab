package dev.parley.application.transcript.port.out;

/** A repository refused a second copy of a transcript (its id is unique); the first one stands. */
public class TranscriptAlreadyStoredException extends RuntimeException {
    public TranscriptAlreadyStoredException(String transcriptSid, Throwable cause) {
        super("Transcript already stored", cause);
    }
}
