package dev.parley.adapter.out.simulated;

import dev.parley.application.conversation.port.out.ConversationListener;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The simulated assistant's side of one conversation, as a state machine driven by the caller's audio:
 * greeting, question, goodbye, then {@code end_call} (when the call offers it). The carrier's frames
 * (one every 20 ms on a phone line) are its clock: each caller frame lets out as much assistant audio
 * as it carries, after a short lead, so the assistant speaks in real time and a barge-in cuts it where
 * the caller actually is. It emits the events the Realtime model emits: speech started and stopped
 * (by energy), a caller transcript that says how long the caller spoke, the assistant's transcript,
 * its audio, tool calls and the end of each response.
 *
 * <p>Confined: one thread at a time calls it (its session's executor), and it calls the listener from there.
 */
final class SimulatedDialogue {
    /** Assistant audio sent at once when a line starts, so the far end has something queued. */
    static final int LEAD_BYTES = 800;
    static final String END_CALL = "end_call";

    private final List<SpeechClips.Line> script;
    private final ConversationListener listener;
    private final EnergyDetector detector;
    private final boolean mayEndCall;
    private final long noAnswerMs;
    private final Base64.Encoder base64 = Base64.getEncoder();

    private long clockMs;
    private int next;
    private int items;
    private boolean held;
    /** The line being spoken, or null while listening. */
    private SpeechClips.Line speaking;
    private String speakingItem;
    private int sent;
    private long lastLineEndedMs = -1;
    private String callerItem;
    private long callerStartMs;

    /**
     * @param mayEndCall the conversation offers the {@code end_call} tool: the assistant calls it after its goodbye
     * @param noAnswerMs how long the assistant waits for an answer before it goes on with its script
     */
    SimulatedDialogue(List<SpeechClips.Line> script, ConversationListener listener, EnergyDetector detector, boolean mayEndCall,
                      long noAnswerMs) {
        this.script = List.copyOf(script);
        this.listener = listener;
        this.detector = detector;
        this.mayEndCall = mayEndCall;
        this.noAnswerMs = noAnswerMs;
    }

    /** Caller audio, raw μ-law, any length (a phone line sends 160 bytes every 20 ms). */
    void callerAudio(byte[] mulaw) {
        for (int from = 0; from < mulaw.length; from += 160) callerFrame(mulaw, from, Math.min(160, mulaw.length - from));
    }

    private void callerFrame(byte[] mulaw, int offset, int length) {
        clockMs += length / 8;
        switch (detector.frame(mulaw, offset, length)) {
            case STARTED -> callerStarted();
            case STOPPED -> callerStopped();
            case NONE -> {
            }
        }
        if (speaking != null) sendAudio(length);
        else if (!held && !detector.speaking() && next > 0 && next < script.size() && lastLineEndedMs >= 0
                && clockMs - lastLineEndedMs >= noAnswerMs) sayNext(); // no answer: the script goes on
    }

    private void callerStarted() {
        callerItem = "sim_caller_" + (++items);
        callerStartMs = Math.max(0, clockMs - detector.startFrames() * 20L);
        listener.callerSpeechStarted(callerItem, callerStartMs);
        // like server VAD with interrupt_response: the caller's voice cancels what the assistant is saying
        if (speaking != null) stopLine();
    }

    private void callerStopped() {
        long endMs = Math.max(callerStartMs, clockMs - detector.stopFrames() * 20L);
        listener.callerSpeechStopped(callerItem, endMs);
        listener.callerTranscript(callerItem, String.format(Locale.ROOT, "[caller spoke for %.1f s]", (endMs - callerStartMs) / 1000.0), 1.0);
        if (!held && speaking == null) sayNext();
    }

    /** Asks the assistant to speak now: the next line of its script, if it is not speaking already. */
    void respond() {
        if (speaking == null) sayNext();
    }

    /** The caller heard {@code itemId} only up to here: what is left of it is not sent. */
    void truncate(String itemId) {
        if (speaking != null && itemId != null && itemId.equals(speakingItem)) stopLine();
    }

    void toolResult(boolean respond) {
        if (respond) respond();
    }

    /** A human agent talks: the current line is cancelled and the assistant answers only when asked. */
    void hold(boolean hold) {
        held = hold;
        if (hold && speaking != null) stopLine();
    }

    private void sayNext() {
        if (next >= script.size()) return;
        speaking = script.get(next++);
        speakingItem = "sim_item_" + (++items);
        sent = 0;
        sendAudio(LEAD_BYTES);
        listener.assistantTranscript(speakingItem, speaking.text());
    }

    private void sendAudio(int bytes) {
        byte[] audio = speaking.audio();
        int end = Math.min(audio.length, sent + bytes);
        if (end > sent) {
            listener.assistantAudio(speakingItem, base64.encodeToString(java.util.Arrays.copyOfRange(audio, sent, end)));
            sent = end;
        }
        if (sent >= audio.length) finishLine();
    }

    /** The whole line is out: the response is done, with end_call after the goodbye. */
    private void finishLine() {
        boolean last = next >= script.size();
        speaking = null;
        // the far end plays the lead after the clock has passed it
        lastLineEndedMs = clockMs + LEAD_BYTES / 8;
        if (last && mayEndCall) listener.toolCall("sim_call_" + (++items), END_CALL, "{\"reason\":\"the simulated dialogue is over\"}");
        listener.responseDone();
    }

    /** Cancelled (a barge-in, a truncate, a hold): no more audio for this line; after the goodbye the call still ends. */
    private void stopLine() {
        boolean last = next >= script.size();
        speaking = null;
        lastLineEndedMs = clockMs;
        if (last && mayEndCall) listener.toolCall("sim_call_" + (++items), END_CALL, "{\"reason\":\"the simulated dialogue is over\"}");
        listener.responseDone();
    }

    /** Milliseconds of caller audio heard so far. */
    long clockMs() {
        return clockMs;
    }
}
