package dev.parley.application.conversation.port.out;

/** What the model says and does during a conversation. Calls for one conversation come one at a time. */
public interface ConversationListener {
    /** A chunk of the assistant's speech, base64 μ-law, for assistant item {@code itemId}. */
    void assistantAudio(String itemId, String base64Payload);

    /** The caller started speaking (the model's voice activity detection). */
    void callerSpeechStarted(String itemId, long audioStartMs);

    void callerSpeechStopped(String itemId, long audioEndMs);

    /** What the caller said, recognised; {@code confidence} 0..1. */
    void callerTranscript(String itemId, String text, double confidence);

    /** What the assistant said in item {@code itemId}. */
    void assistantTranscript(String itemId, String text);

    /** The model asks to run a tool; {@code argumentsJson} is its JSON arguments. */
    void toolCall(String callId, String name, String argumentsJson);

    /** The model finished a response (tool calls of that response are complete). */
    void responseDone();

    /** What the response that is finishing used, reported just before {@link #responseDone()}. */
    default void responseUsage(dev.parley.domain.usage.TokenUsage usage) {
    }

    /**
     * The far end started ({@code true}) or finished ({@code false}) playing the assistant's audio. Only
     * conversations whose audio the vendor plays out itself (a browser's WebRTC call) report it.
     */
    default void assistantPlayback(boolean playing) {
    }

    /** An event that could not be understood; counted and skipped. */
    void malformedEvent();

    /**
     * The conversation is over. {@code unexpected}: the model could not be reached or dropped the
     * connection, rather than us closing it.
     */
    void closed(String reason, boolean unexpected);
}
