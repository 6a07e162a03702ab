package dev.parley.adapter.out.simulated;

import dev.parley.application.conversation.port.out.ConversationListener;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes down every event a conversation emits, in order; assistant audio is kept per item, decoded. */
final class RecordingListener implements ConversationListener {
    final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, ByteArrayOutputStream> audio = new ConcurrentHashMap<>();

    @Override
    public void assistantAudio(String itemId, String base64Payload) {
        audio.computeIfAbsent(itemId, k -> new ByteArrayOutputStream()).writeBytes(Base64.getDecoder().decode(base64Payload));
        if (events.isEmpty() || !events.getLast().equals("audio " + itemId)) events.add("audio " + itemId);
    }

    @Override
    public void callerSpeechStarted(String itemId, long audioStartMs) {
        events.add("started " + itemId + " at " + audioStartMs);
    }

    @Override
    public void callerSpeechStopped(String itemId, long audioEndMs) {
        events.add("stopped " + itemId + " at " + audioEndMs);
    }

    @Override
    public void callerTranscript(String itemId, String text, double confidence) {
        events.add("caller " + itemId + ": " + text);
    }

    @Override
    public void assistantTranscript(String itemId, String text) {
        events.add("assistant " + itemId + ": " + text);
    }

    @Override
    public void toolCall(String callId, String name, String argumentsJson) {
        events.add("tool " + name);
    }

    @Override
    public void responseDone() {
        events.add("done");
    }

    @Override
    public void malformedEvent() {
        events.add("malformed");
    }

    @Override
    public void closed(String reason, boolean unexpected) {
        events.add("closed " + reason);
    }

    List<String> matching(String prefix) {
        synchronized (events) {
            return events.stream().filter(e -> e.startsWith(prefix)).toList();
        }
    }
}
