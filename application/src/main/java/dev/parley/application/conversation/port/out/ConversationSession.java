package dev.parley.application.conversation.port.out;

/** One live conversation with the model. Every method returns at once; sends go out in call order. */
public interface ConversationSession {
    /** Caller audio, base64 μ-law, untouched. */
    void appendAudio(String base64Payload);

    /** Cuts the assistant's item at what the caller actually heard. */
    void truncate(String itemId, long audioEndMs);

    /** Answers a tool call; with {@code respond} the model is asked to speak again. */
    void toolResult(String callId, String outputJson, boolean respond);

    /** Asks the model to speak now (a greeting). */
    void respond();

    /**
     * Holds the assistant while a human agent talks (takeover): its current response is cancelled
     * and it no longer answers on its own; it keeps listening (and transcribing). {@code false}
     * hands the conversation back.
     */
    void hold(boolean held);

    /** Ends the conversation and frees its connection at once. Idempotent. */
    void close();
}
