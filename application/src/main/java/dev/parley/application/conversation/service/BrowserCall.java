package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase.BrowserCallCommand;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.application.conversation.port.out.ConversationSideband;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.domain.conversation.ExitRule;
import dev.parley.domain.conversation.FollowUp;
import dev.parley.domain.usage.CallLedger;
import dev.parley.domain.usage.CallUsage;
import dev.parley.domain.usage.TokenUsage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One browser call run over the sideband: the browser and the model talk directly (WebRTC) and the server
 * hears what they say and carries out the model's tools, with the phone call's parts: the transcript (lines
 * to the journal, and so to the consoles), the toolbox (blocking tools off the sideband's thread, failures as
 * error results), an organization's watch over the caller's words, and the exit rule (a call leaves once).
 * {@code end_call} hangs the WebRTC call up once the browser has played the goodbye (the vendor reports
 * playback); the call record is completed whichever way the call ends. A browser cannot be handed to a
 * phone line: a transfer the model or the watch asks for leaves the escalation on record (the consoles have
 * it) and the conversation goes on. Confined: every entry point holds the call's monitor.
 */
final class BrowserCall implements ConversationListener {
    /** What a browser call tells the model instead of transferring (the escalation itself is recorded by the tool). */
    /** How long a goodbye may play before the call is hung up anyway (the vendor never said the browser stopped playing). */
    static final Duration GOODBYE_LIMIT = Duration.ofSeconds(20);
    static final String NO_TRANSFER = "A colleague has been told about this call. It runs in a browser and cannot be transferred "
            + "to a phone: tell the caller a colleague will follow up.";

    private final BrowserCallCommand call;
    private final CallTranscript transcript;
    private final ConversationSideband sideband;
    private final EndBrowserCallUseCase ends;
    private final LiveCalls registry;
    private final Executor blocking;
    private final Duration goodbyeLimit;
    private final ExitRule exit = new ExitRule();
    private final CallLedger ledger;
    private final PendingToolCalls pendingTools = new PendingToolCalls();
    private ConversationSession session;
    private CallToolbox tools;
    private CallerWatch watch;
    /** A response finished before the toolbox was attached: its tools run on attach. */
    private boolean toolsDue;
    private boolean playing;
    /** The model ended the call: it is hung up once the browser has played what was said. */
    private boolean leaving;
    private boolean ended;

    BrowserCall(BrowserCallCommand call, CallTranscript transcript, ConversationSideband sideband, EndBrowserCallUseCase ends,
                LiveCalls registry, Executor blocking, Duration goodbyeLimit) {
        this.goodbyeLimit = goodbyeLimit;
        this.call = call;
        this.transcript = transcript;
        this.sideband = sideband;
        this.ends = ends;
        this.registry = registry;
        this.blocking = blocking;
        this.ledger = new CallLedger(transcript.startMs());
    }

    /** The sideband and the call's tools; events may arrive (on the sideband's thread) before this is called. */
    synchronized void attach(ConversationSession session, CallToolbox tools, CallerWatch watch) {
        this.session = session;
        this.tools = tools;
        this.watch = watch;
        if (ended) {
            session.close();
            return;
        }
        if (toolsDue) {
            toolsDue = false;
            runPendingTools();
        }
    }

    @Override
    public void assistantAudio(String itemId, String base64Payload) {
        // a sideband carries no audio; the browser has it
    }

    @Override
    public synchronized void callerSpeechStarted(String itemId, long audioStartMs) {
        if (ended) return;
        transcript.callerStarted(itemId, audioStartMs);
    }

    @Override
    public synchronized void callerSpeechStopped(String itemId, long audioEndMs) {
        transcript.callerStopped(itemId, audioEndMs);
    }

    @Override
    public synchronized void callerTranscript(String itemId, String text, double confidence) {
        transcript.caller(itemId, text, confidence);
        // an emergency is recorded and told to the consoles by the watch; there is no phone line to transfer to
        if (watch != null && !ended) watch.heard(text);
    }

    @Override
    public synchronized void assistantTranscript(String itemId, String text) {
        transcript.assistant(text, transcript.offsetMs());
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
        if (ended) return;
        if (tools == null) toolsDue = true;
        else runPendingTools();
    }

    @Override
    public synchronized void assistantPlayback(boolean nowPlaying) {
        playing = nowPlaying;
        if (!nowPlaying && leaving) finish(null, true);
    }

    @Override
    public void malformedEvent() {
        registry.modelEventMalformed();
    }

    /** The far end finished the call (not unexpected), or the sideband could not connect or dropped: the call is over either way. */
    @Override
    public void closed(String reason, boolean unexpected) {
        if (!unexpected) finish(null, false);
        else finish("sideband-" + (reason == null || reason.isBlank() ? "failed" : reason), true);
    }

    /** The call cannot be run (its scenario is gone, the sideband could not be set up): it is hung up and recorded so. */
    void fail(String reason) {
        finish(reason, true);
    }

    private void runPendingTools() {
        pendingTools.runAll(tools, this::toolDone);
    }

    private synchronized void toolDone(String callId, ToolResult result) {
        if (ended) return;
        Optional<FollowUp> then = result.then();
        if (then.isPresent() && then.get() instanceof FollowUp.Transfer) {
            session.toolResult(callId, ToolResult.done(NO_TRANSFER).json(), true);
            return;
        }
        session.toolResult(callId, result.json(), result.respond());
        if (then.isPresent() && exit.due(List.of(then.get())).isPresent()) {
            leaving = true;
            if (!playing) {
                finish(null, true);
            } else {
                // normally output_audio_buffer.stopped ends it; should that never come, the call does not stay up for good
                try {
                    CompletableFuture.delayedExecutor(goodbyeLimit.toMillis(), TimeUnit.MILLISECONDS, blocking)
                            .execute(() -> finish(null, true));
                } catch (RejectedExecutionException shuttingDown) {
                    finish(null, true);
                }
            }
        }
    }

    /**
     * Ends the call once: stores its ledger, then off the caller's thread hangs the WebRTC call up when asked to, closes the
     * sideband (after what was sent on it) and completes the record with why it ended (a fault, or the model's end_call).
     */
    private void finish(String faultReason, boolean hangUp) {
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
        transcript.measured(usage);
        try {
            blocking.execute(() -> {
                try {
                    if (hangUp) sideband.hangUp(call.vendorCallId());
                } catch (RuntimeException e) {
                    // the vendor could not be told: the browser's call ends when the browser or the vendor ends it
                } finally {
                    if (toClose != null) toClose.close();
                    complete(reason);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            if (toClose != null) toClose.close();
        }
    }

    private void complete(String reason) {
        try {
            ends.end(call.tenant(), call.call(), reason);
        } catch (RuntimeException e) {
            // the record could not be completed (the database is gone, say): it stays in progress, as a phone call whose
            // final status callback never came
        }
    }
}
