package dev.parley.application.conversation.port.out;

/** Speech could not be synthesised (provider down, refused, misconfigured); the message is safe to show. */
public class SpeechSynthesisException extends RuntimeException {
    public SpeechSynthesisException(String message, Throwable cause) {
        super(message, cause);
    }

    public SpeechSynthesisException(String message) {
        super(message);
    }
}
