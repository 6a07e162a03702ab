package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.out.CarrierStream;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One call being bridged between the carrier's media stream and the conversation model. Confined:
 * every entry point holds the call's monitor, so one thread at a time runs it (serial per call,
 * parallel across calls). Nothing here blocks: audio passes through untouched, lines go to the
 * journal's queue, and carrier REST calls (hang up, transfer, apology) run on the blocking executor.
 *
 * <p>Barge-in: assistant audio is followed by marks (every 100 ms of audio and at the end of each
 * response) that remember how many bytes of that assistant item had been sent; a mark coming back
 * means the audio before it has played. When the caller starts speaking while assistant audio is
 * still queued, the carrier's buffer is cleared and the item is truncated at the bytes played
 * (μ-law: 8 bytes per millisecond), to the precision of one mark interval.
 */
final class LiveCall implements MediaStreamHandler, ConversationListener {
    static final String END_CALL = "end_call";
    static final String TRANSFER = "transfer_to_human";
    /** Marks go out at most every 100 ms of assistant audio (μ-law: 8 bytes per ms), and at the end of each response. */
    static final long MARK_EVERY_BYTES = 800;

    private enum Action { NONE, HANG_UP, TRANSFER }

    private record Mark(String name, String itemId, long bytesSentOfItem, Action action) {
    }

    private record PendingTool(String callId, String name) {
    }

    private final RedeemedStream call;
    private final CarrierStream carrier;
    private final CallJournal journal;
    private final CallControl control;
    private final Executor blocking;
    private final ConversationPolicy policy;
    private final Clock clock;
    private final LiveCalls registry;
    private final long startMillis;

    private ConversationSession session;
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private final List<PendingTool> pendingTools = new ArrayList<>();
    private final Map<String, long[]> callerSpeech = new HashMap<>();
    private long markSequence;
    private String assistantItem;
    private long assistantItemSentBytes;
    private long assistantItemPlayedBytes;
    private long assistantItemMarkedBytes;
    private long assistantItemStartMs;
    private boolean actionTaken;
    /** A human agent has taken the call over from the console: the assistant is held and its audio dropped. */
    private boolean humanActive;
    private boolean ended;
    private String endReason;

    LiveCall(RedeemedStream call, CarrierStream carrier, CallJournal journal, CallControl control, Executor blocking,
             ConversationPolicy policy, Clock clock, LiveCalls registry) {
        this.call = call;
        this.carrier = carrier;
        this.journal = journal;
        this.control = control;
        this.blocking = blocking;
        this.policy = policy;
        this.clock = clock;
        this.registry = registry;
        this.startMillis = clock.millis();
    }

    /** The model's session; its events may arrive (on its own thread) before this is called, and wait for nothing. */
    synchronized void attach(ConversationSession session, boolean greet) {
        this.session = session;
        if (greet) session.respond();
        if (ended) session.close();
    }

    // ---- carrier side ------------------------------------------------------------------------

    @Override
    public synchronized void callerAudio(String base64Payload, long timestampMs) {
        // the played offset comes from echoed marks, which count bytes actually played, not from the carrier's clock
        if (ended) return;
        session.appendAudio(base64Payload);
    }

    @Override
    public synchronized void markPlayed(String name) {
        if (ended) return;
        if (marks.stream().noneMatch(m -> m.name().equals(name))) return;
        Mark m;
        do {
            m = marks.pollFirst();
            if (m.itemId() != null && m.itemId().equals(assistantItem))
                assistantItemPlayedBytes = Math.max(assistantItemPlayedBytes, m.bytesSentOfItem());
            take(m.action());
        } while (!m.name().equals(name));
    }

    @Override
    public void carrierStopped() {
        end(null);
    }

    @Override
    public void malformedFrame() {
        registry.malformedCarrierFrames.incrementAndGet();
    }

    // ---- model side --------------------------------------------------------------------------

    @Override
    public synchronized void assistantAudio(String itemId, String base64Payload) {
        if (ended || itemId == null || humanActive) return;
        if (!itemId.equals(assistantItem)) {
            assistantItem = itemId;
            assistantItemSentBytes = 0;
            assistantItemPlayedBytes = 0;
            assistantItemMarkedBytes = 0;
            assistantItemStartMs = offsetMs();
        }
        assistantItemSentBytes += decodedLength(base64Payload);
        carrier.sendAudio(base64Payload);
        if (assistantItemSentBytes - assistantItemMarkedBytes >= MARK_EVERY_BYTES) markAudio();
    }

    private void markAudio() {
        String name = "a" + (++markSequence);
        marks.addLast(new Mark(name, assistantItem, assistantItemSentBytes, Action.NONE));
        assistantItemMarkedBytes = assistantItemSentBytes;
        carrier.sendMark(name);
    }

    @Override
    public synchronized void callerSpeechStarted(String itemId, long audioStartMs) {
        if (ended || session == null) return;
        if (itemId != null) callerSpeech.put(itemId, new long[]{audioStartMs, -1});
        boolean stillPlaying = !marks.isEmpty() || assistantItemSentBytes > assistantItemMarkedBytes;
        if (assistantItem == null || !stillPlaying) return;
        long playedMs = Math.min(assistantItemPlayedBytes, assistantItemSentBytes) / 8;
        session.truncate(assistantItem, playedMs);
        carrier.clear();
        List<Mark> flushed = new ArrayList<>(marks);
        marks.clear();
        assistantItem = null;
        assistantItemSentBytes = 0;
        assistantItemPlayedBytes = 0;
        assistantItemMarkedBytes = 0;
        // the carrier answers a clear by returning every pending mark; a pending hang-up or transfer still happens
        for (Mark m : flushed) take(m.action());
    }

    @Override
    public synchronized void callerSpeechStopped(String itemId, long audioEndMs) {
        long[] span = itemId == null ? null : callerSpeech.get(itemId);
        if (span != null) span[1] = audioEndMs;
    }

    @Override
    public synchronized void callerTranscript(String itemId, String text, double confidence) {
        long[] span = itemId == null ? null : callerSpeech.remove(itemId);
        long now = offsetMs();
        long start = span != null ? span[0] : now;
        long end = span != null && span[1] >= 0 ? span[1] : now;
        record(Speaker.CUSTOMER, text, confidence, start, end);
    }

    @Override
    public synchronized void assistantTranscript(String itemId, String text) {
        long start = itemId != null && itemId.equals(assistantItem) ? assistantItemStartMs : offsetMs();
        record(Speaker.AGENT, text, 1.0, start, offsetMs());
    }

    @Override
    public synchronized void toolCall(String callId, String name, String argumentsJson) {
        if (ended || callId == null) return;
        pendingTools.add(new PendingTool(callId, name == null ? "" : name));
    }

    @Override
    public synchronized void responseDone() {
        if (ended || session == null) return;
        if (assistantItem != null && assistantItemSentBytes > assistantItemMarkedBytes) markAudio();
        if (pendingTools.isEmpty()) return;
        List<PendingTool> tools = new ArrayList<>(pendingTools);
        pendingTools.clear();
        for (PendingTool tool : tools) {
            switch (tool.name()) {
                case END_CALL -> {
                    session.toolResult(tool.callId(), "{\"ok\":true,\"result\":\"The call ends after your goodbye.\"}", false);
                    markAction(Action.HANG_UP);
                }
                case TRANSFER -> {
                    if (policy.transferTo().isPresent()) {
                        session.toolResult(tool.callId(), "{\"ok\":true,\"result\":\"Transferring the caller to a person.\"}", false);
                        markAction(Action.TRANSFER);
                    } else {
                        session.toolResult(tool.callId(), "{\"ok\":false,\"error\":\"No person is available to take this call. "
                                + "Offer to help further or to end the call.\"}", true);
                    }
                }
                default -> session.toolResult(tool.callId(), "{\"ok\":false,\"error\":\"Unknown tool: "
                        + jsonEscape(tool.name()) + "\"}", true);
            }
        }
    }

    @Override
    public void malformedEvent() {
        registry.malformedModelEvents.incrementAndGet();
    }

    @Override
    public void closed(String reason, boolean unexpected) {
        if (!unexpected) end(null);
        else fail("model-" + (reason == null || reason.isBlank() ? "failed" : reason));
    }

    /** The conversation cannot go on: the caller hears the apology, the call ends, the reason is recorded. */
    void fail(String reason) {
        synchronized (this) {
            if (ended) return;
        }
        registry.modelFailures.incrementAndGet();
        end(reason);
        String sid = call.carrierSid();
        blocking.execute(() -> {
            try {
                if (!sid.isBlank()) control.redirect(sid, new CallControl.CallInstructions.SayAndHangUp(policy.apology()));
            } catch (RuntimeException e) {
                // the carrier could not be told; closing the stream ends the call without the apology
            } finally {
                carrier.close();
            }
        });
    }

    // ---- human agent (console takeover) -------------------------------------------------------

    /**
     * A human agent speaks into the call: the assistant is held, its unplayed audio cleared and its
     * item cut at what the caller heard (as on barge-in), then the agent's audio is queued.
     *
     * @param frames base64 μ-law frames (20 ms each), in order
     * @return false when the call is over
     */
    synchronized boolean humanSpeaks(List<String> frames) {
        if (ended || session == null) return false;
        if (!humanActive) {
            humanActive = true;
            session.hold(true);
        }
        if (assistantItem != null) {
            if (!marks.isEmpty()) {
                session.truncate(assistantItem, Math.min(assistantItemPlayedBytes, assistantItemSentBytes) / 8);
                carrier.clear();
                List<Mark> flushed = new ArrayList<>(marks);
                marks.clear();
                for (Mark m : flushed) take(m.action());
            }
            assistantItem = null;
            assistantItemSentBytes = 0;
            assistantItemPlayedBytes = 0;
        }
        for (String frame : frames) carrier.sendAudio(frame);
        String name = "h" + (++markSequence);
        marks.addLast(new Mark(name, null, 0, Action.NONE));
        carrier.sendMark(name);
        return true;
    }

    /** The console hands the call back: the assistant answers again. */
    synchronized void handBack() {
        if (ended || !humanActive || session == null) return;
        humanActive = false;
        session.hold(false);
    }

    String carrierSid() {
        return call.carrierSid();
    }

    dev.parley.domain.call.CallId callId() {
        return call.call();
    }

    // ---- internals -----------------------------------------------------------------------------

    /** A mark after everything queued so far: when it comes back, the goodbye (or the handover line) has been heard. */
    private void markAction(Action action) {
        String name = "t" + (++markSequence);
        marks.addLast(new Mark(name, null, 0, action));
        carrier.sendMark(name);
    }

    private void take(Action action) {
        if (action == Action.NONE || actionTaken) return;
        actionTaken = true;
        String sid = call.carrierSid();
        if (action == Action.HANG_UP) {
            endReason = "ended-by-assistant";
            blocking.execute(() -> {
                try {
                    control.hangUp(sid);
                } catch (RuntimeException e) {
                    carrier.close();
                }
            });
        } else {
            endReason = "transferred";
            var transfer = new CallControl.CallInstructions.Transfer(policy.transferAnnouncement(), policy.transferTo().orElseThrow());
            blocking.execute(() -> {
                try {
                    control.redirect(sid, transfer);
                } catch (RuntimeException e) {
                    carrier.close();
                }
            });
        }
    }

    private void end(String faultReason) {
        ConversationSession toClose;
        String reason;
        synchronized (this) {
            if (ended) return;
            ended = true;
            toClose = session;
            reason = faultReason != null ? faultReason : endReason;
        }
        if (reason != null) journal.ended(call.call(), reason);
        if (toClose != null) toClose.close();
        registry.remove(this);
    }

    private void record(Speaker speaker, String text, double confidence, long startMs, long endMs) {
        if (text == null || text.isBlank()) return;
        journal.said(new CallMessage(call.call(), call.tenant(), speaker, text, confidence, true, startMs, endMs, clock.instant()));
    }

    private long offsetMs() {
        return Math.max(0, clock.millis() - startMillis);
    }

    /** Bytes a base64 string decodes to, without decoding it. */
    static long decodedLength(String base64) {
        int n = base64.length();
        if (n == 0) return 0;
        int padding = base64.charAt(n - 1) == '=' ? (n > 1 && base64.charAt(n - 2) == '=' ? 2 : 1) : 0;
        return (long) n * 3 / 4 - padding;
    }

    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
