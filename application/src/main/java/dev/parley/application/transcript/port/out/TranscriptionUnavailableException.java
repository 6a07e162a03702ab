package dev.parley.application.transcript.port.out;

/** A transcription service (carrier or speech-to-text) is not configured or did not answer properly. */
public class TranscriptionUnavailableException extends RuntimeException {
    private final boolean notConfigured;

    public TranscriptionUnavailableException(String message, boolean notConfigured, Throwable cause) {
        super(message, cause);
        this.notConfigured = notConfigured;
    }

    public static TranscriptionUnavailableException notConfigured(String message) {
        return new TranscriptionUnavailableException(message, true, null);
    }

    public boolean isNotConfigured() {
        return notConfigured;
    }
}
