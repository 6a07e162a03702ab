package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.out.CarrierStream;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.domain.call.CallId;
import dev.parley.domain.conversation.BargeInRule;
import dev.parley.domain.conversation.ExitRule;
import dev.parley.domain.conversation.FollowUp;
import dev.parley.domain.conversation.PlaybackLedger;
import dev.parley.domain.conversation.TakeoverRule;
import dev.parley.domain.conversation.Truncation;
import dev.parley.domain.usage.CallLedger;
import dev.parley.domain.usage.CallUsage;
import dev.parley.domain.usage.TokenUsage;
import dev.parley.domain.shared.PhoneNumber;

import java.util.List;
import java.util.Optional;

/**
 * One call bridged between the carrier's media stream and the conversation model: it wires the
 * conversation rules ({@link PlaybackLedger}, {@link BargeInRule}, {@link TakeoverRule}, {@link ExitRule})
 * to both sides and carries out their decisions. Confined: every entry point holds the call's monitor,
 * so one thread at a time runs it (serial per call, parallel across calls). Nothing here blocks: audio
 * passes through untouched, lines go to the journal's queue, tools that block and carrier REST calls
 * run on the blocking executor.
 */
final class LiveCall implements MediaStreamHandler, ConversationListener {
    private final RedeemedStream call;
    private final CarrierStream carrier;
    private final CarrierActions actions;
    private final CallTranscript transcript;
    private final LiveCalls registry;
    private final PlaybackLedger playback = new PlaybackLedger();
    private final BargeInRule bargeIn = new BargeInRule();
    private final TakeoverRule takeover = new TakeoverRule();
    private final ExitRule exit = new ExitRule();
    private final CallLedger ledger;
    private final PendingToolCalls pendingTools = new PendingToolCalls();
    private ConversationSession session;
    private CallToolbox tools;
    private CallerWatch watch;
    private boolean ended;

    LiveCall(RedeemedStream call, CarrierStream carrier, CarrierActions actions, CallTranscript transcript, LiveCalls registry) {
        this.call = call;
        this.carrier = carrier;
        this.actions = actions;
        this.transcript = transcript;
        this.registry = registry;
        this.ledger = new CallLedger(transcript.startMs());
        registry.started(call.direction().wire());
    }

    /** The model's session and the call's tools; its events may arrive (on its own thread) before this is called, and wait for nothing. */
    synchronized void attach(ConversationSession session, CallToolbox tools, boolean greet) {
        attach(session, tools, greet, null);
    }

    /** As {@link #attach(ConversationSession, CallToolbox, boolean)}, with a watch over the caller's words (an organization's call); may be null. */
    synchronized void attach(ConversationSession session, CallToolbox tools, boolean greet, CallerWatch watch) {
        this.session = session;
        this.tools = tools;
        this.watch = watch;
        if (greet) session.respond();
        if (ended) session.close();
    }

    // ---- carrier side

    @Override
    public synchronized void callerAudio(String base64Payload, long timestampMs) {
        if (ended) return;
        session.appendAudio(base64Payload);
        registry.frameIn();
    }

    @Override
    public synchronized void markPlayed(String name) {
        if (!ended) follow(playback.played(name));
    }

    @Override
    public void carrierStopped() {
        end(null);
    }

    @Override
    public void malformedFrame() {
        registry.carrierFrameMalformed();
    }

    // ---- model side

    @Override
    public synchronized void assistantAudio(String itemId, String base64Payload) {
        if (ended || itemId == null || takeover.assistantHeld()) return;
        carrier.sendAudio(base64Payload);
        registry.frameOut();
        if (ledger.awaitsAudio()) {
            long turn = ledger.assistantAudioSent(transcript.nowMs());
            if (turn >= 0) registry.turnAnswered(turn);
        }
        // hot path (every 20 ms per call): no lambda, and the Optional is the shared empty one four frames in five
        Optional<String> mark = playback.sent(itemId, decodedLength(base64Payload), transcript.offsetMs());
        if (mark.isPresent()) carrier.sendMark(mark.get());
    }

    @Override
    public synchronized void callerSpeechStarted(String itemId, long audioStartMs) {
        if (ended || session == null) return;
        transcript.callerStarted(itemId, audioStartMs);
        ledger.callerStartedSpeaking();
        Optional<Truncation> cut = bargeIn.callerStartedSpeaking(playback);
        if (cut.isPresent()) {
            ledger.bargedIn();
            registry.bargedIn();
            cut(cut.get());
        }
    }

    @Override
    public synchronized void callerSpeechStopped(String itemId, long audioEndMs) {
        transcript.callerStopped(itemId, audioEndMs);
        if (!ended) ledger.callerStoppedSpeaking(transcript.nowMs());
    }

    @Override
    public synchronized void callerTranscript(String itemId, String text, double confidence) {
        transcript.caller(itemId, text, confidence);
        if (watch != null && !ended && session != null) watch.heard(text).ifPresent(this::transferNow);
    }

    /**
     * An emergency: the assistant is cut and held, and the caller is transferred at once (the carrier announces
     * the transfer before dialling). The call leaves once: a follow-up already taken wins.
     */
    private void transferNow(PhoneNumber to) {
        playback.interrupt().ifPresent(this::cut);
        session.hold(true);
        follow(List.of(new FollowUp.Transfer(to)));
    }

    @Override
    public synchronized void assistantTranscript(String itemId, String text) {
        transcript.assistant(text, playback.startOf(itemId).orElseGet(transcript::offsetMs));
    }

    @Override
    public synchronized void toolCall(String callId, String name, String argumentsJson) {
        if (!ended) pendingTools.add(callId, name, argumentsJson);
    }

    @Override
    public synchronized void responseUsage(TokenUsage usage) {
        if (usage != null) ledger.responded(usage);
    }

    @Override
    public synchronized void responseDone() {
        if (ended || session == null) return;
        playback.responseDone().ifPresent(carrier::sendMark);
        pendingTools.runAll(tools, this::toolDone);
    }

    private synchronized void toolDone(String callId, ToolResult result) {
        if (ended) return;
        session.toolResult(callId, result.json(), result.respond());
        // the follow-up waits for everything said so far (the goodbye, the handover line) to be heard
        result.then().ifPresent(f -> carrier.sendMark(playback.markFollowUp(f)));
    }

    @Override
    public void malformedEvent() {
        registry.modelEventMalformed();
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
        registry.modelFailed();
        end(reason);
        actions.apologiseAndClose();
    }

    // ---- human agent (console takeover)

    /**
     * A human agent speaks into the call: the assistant is held and cut as on barge-in, then the agent's audio is queued.
     *
     * @param frames base64 μ-law frames (20 ms each), in order
     * @return false when the call is over
     */
    synchronized boolean humanSpeaks(List<String> frames) {
        if (ended || session == null) return false;
        TakeoverRule.HumanSpeaks decision = takeover.humanSpeaks(playback);
        if (decision.holdAssistant()) session.hold(true);
        decision.truncation().ifPresent(this::cut);
        for (String frame : frames) carrier.sendAudio(frame);
        carrier.sendMark(playback.markHumanAudio());
        return true;
    }

    /** The console hands the call back: the assistant answers again. */
    synchronized void handBack() {
        if (!ended && session != null && takeover.handBack()) session.hold(false);
    }

    CallId callId() {
        return call.call();
    }

    // ---- internals

    /** The one truncate path (barge-in and takeover): cut the item, clear the carrier; the cleared marks' follow-ups still happen. */
    private void cut(Truncation truncation) {
        session.truncate(truncation.itemId(), truncation.playedMs());
        carrier.clear();
        follow(truncation.dueFollowUps());
    }

    private void follow(List<FollowUp> due) {
        exit.due(due).ifPresent(actions::follow);
    }

    private void end(String faultReason) {
        ConversationSession toClose;
        String reason;
        CallUsage usage;
        synchronized (this) {
            if (ended) return;
            ended = true;
            toClose = session;
            reason = faultReason != null ? faultReason : exit.taken().map(CarrierActions::endReason).orElse(null);
            usage = ledger.usage();
        }
        if (reason != null) transcript.ended(reason);
        transcript.measured(usage);
        registry.ended(reason);
        if (toClose != null) toClose.close();
        registry.remove(this);
    }

    /** Bytes a base64 string decodes to, without decoding it. */
    static long decodedLength(String base64) {
        int n = base64.length();
        if (n == 0) return 0;
        int padding = base64.charAt(n - 1) == '=' ? (n > 1 && base64.charAt(n - 2) == '=' ? 2 : 1) : 0;
        return (long) n * 3 / 4 - padding;
    }
}
