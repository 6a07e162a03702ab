package dev.parley.adapter.out.simulated;

import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;

import java.util.Base64;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One simulated conversation behind the {@link ConversationSession} port. Every call returns at once:
 * the work runs, in call order, on the conversation's executor (the call's carrier event loop when it
 * offers one), which is also where the listener hears from it, as with the Realtime adapter.
 */
final class SimulatedSession implements ConversationSession {
    private final SimulatedDialogue dialogue;
    private final ConversationListener listener;
    private final Executor executor;
    private volatile boolean closed;

    SimulatedSession(SimulatedDialogue dialogue, ConversationListener listener, Executor executor) {
        this.dialogue = dialogue;
        this.listener = listener;
        this.executor = executor;
    }

    @Override
    public void appendAudio(String base64Payload) {
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(base64Payload);
        } catch (IllegalArgumentException e) {
            run(listener::malformedEvent);
            return;
        }
        run(() -> dialogue.callerAudio(audio));
    }

    @Override
    public void truncate(String itemId, long audioEndMs) {
        run(() -> dialogue.truncate(itemId));
    }

    @Override
    public void toolResult(String callId, String outputJson, boolean respond) {
        run(() -> dialogue.toolResult(respond));
    }

    @Override
    public void respond() {
        run(dialogue::respond);
    }

    @Override
    public void hold(boolean held) {
        run(() -> dialogue.hold(held));
    }

    @Override
    public void close() {
        closed = true;
    }

    private void run(Runnable work) {
        if (closed) return;
        try {
            executor.execute(() -> {
                if (!closed) work.run();
            });
        } catch (RejectedExecutionException e) {
            // the call's event loop is shutting down: there is no call left to talk to
            closed = true;
        }
    }
}
