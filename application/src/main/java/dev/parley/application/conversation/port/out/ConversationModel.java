package dev.parley.application.conversation.port.out;

import java.util.concurrent.Executor;

/** A realtime speech model that holds one conversation per live call. */
public interface ConversationModel {
    /**
     * Starts connecting and returns at once; events arrive at {@code listener}. Sends made before
     * the connection is up are queued and go out, in order, after the session is configured from {@code brief}.
     *
     * @param affinity the thread the call's carrier stream runs on ({@link CarrierStream#executor()}), or null;
     *                 an adapter that can run its connection there should, so a call's frames stay on one thread
     */
    ConversationSession open(ConversationBrief brief, ConversationListener listener, Executor affinity);

    /** {@link #open(ConversationBrief, ConversationListener, Executor)} with no thread to share. */
    default ConversationSession open(ConversationBrief brief, ConversationListener listener) {
        return open(brief, listener, null);
    }
}
