package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.application.conversation.port.out.ConversationSideband;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * {@link ConversationSideband} on OpenAI (protocols/openai-realtime.md §1 and §9): a WebSocket to
 * {@code OPENAI_REALTIME_URL?call_id=rtc_…} with the server's key, speaking the same events as a phone call's
 * Realtime socket, and {@code POST {OPENAI_BASE_URL}/realtime/calls/{id}/hangup} to end the call. It keeps its own
 * socket machinery (one event loop thread: sidebands carry no audio), so browser calls work whichever model
 * phone calls use (CONVERSATION_MODEL).
 */
@Singleton
class OpenAiConversationSideband implements ConversationSideband, AutoCloseable {
    private final OpenAiConversationModel sockets;
    private final OpenAiBrowserRealtime calls;

    OpenAiConversationSideband(OpenAiProperties properties, JsonMapper json, OpenAiBrowserRealtime calls) {
        this.sockets = new OpenAiConversationModel(properties, json, 1);
        this.calls = calls;
    }

    @Override
    public ConversationSession attach(String vendorCallId, List<ConversationBrief.Tool> tools, ConversationListener listener) {
        return sockets.sideband(vendorCallId, tools, listener);
    }

    @Override
    public void hangUp(String vendorCallId) {
        calls.hangUp(vendorCallId);
    }

    /** Sidebands still open. */
    int openSidebands() {
        return sockets.openChannels();
    }

    @Override
    @PreDestroy
    public void close() {
        sockets.close();
    }
}
