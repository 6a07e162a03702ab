package dev.parley.application.conversation.port.out;

/** A realtime speech model that holds one conversation per live call. */
public interface ConversationModel {
    /**
     * Starts connecting and returns at once; events arrive at {@code listener}. Sends made before
     * the connection is up are queued and go out, in order, after the session is configured from {@code brief}.
     */
    ConversationSession open(ConversationBrief brief, ConversationListener listener);
}
