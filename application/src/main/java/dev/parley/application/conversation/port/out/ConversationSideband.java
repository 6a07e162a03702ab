package dev.parley.application.conversation.port.out;

import java.util.List;

/**
 * The server's side of a conversation whose audio flows elsewhere (a browser's WebRTC call, connected
 * at the vendor): the sideband. No audio passes through it; what the model says and does arrives as
 * for a phone call, and tool results go back the same way.
 */
public interface ConversationSideband {
    /**
     * Starts connecting to the vendor's call {@code vendorCallId} and returns at once; events arrive at
     * {@code listener}. The model is told the call's {@code tools} (those the server runs), nothing else of its
     * briefing changes. A sideband that cannot connect reports {@link ConversationListener#closed} with
     * {@code unexpected} true; the far end finishing the call reports it with {@code unexpected} false.
     */
    ConversationSession attach(String vendorCallId, List<ConversationBrief.Tool> tools, ConversationListener listener);

    /**
     * Ends the vendor's call itself (the browser is disconnected). Blocks on the network: call it on the
     * blocking executor.
     *
     * @throws RuntimeException when the vendor could not be told
     */
    void hangUp(String vendorCallId);
}
