package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.usage.CallUsage;
import dev.parley.domain.call.Speaker;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The lines said in one call, with their offsets from the start of the stream: the caller's from the
 * model's voice activity (start and stop), the assistant's from when its audio began. Lines go to the
 * journal's queue, as does the reason the call ended; nothing here blocks. Not thread-safe: the live call holds its monitor.
 */
final class CallTranscript {
    private final RedeemedStream call;
    private final CallJournal journal;
    private final Clock clock;
    private final long startMillis;
    private final Map<String, long[]> callerSpeech = new HashMap<>();

    CallTranscript(RedeemedStream call, CallJournal journal, Clock clock) {
        this.call = call;
        this.journal = journal;
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    /** The clock's time, in milliseconds. */
    long nowMs() {
        return clock.millis();
    }

    long startMs() {
        return startMillis;
    }

    /** Milliseconds since the stream started. */
    long offsetMs() {
        return Math.max(0, clock.millis() - startMillis);
    }

    void callerStarted(String itemId, long audioStartMs) {
        if (itemId != null) callerSpeech.put(itemId, new long[]{audioStartMs, -1});
    }

    void callerStopped(String itemId, long audioEndMs) {
        long[] span = itemId == null ? null : callerSpeech.get(itemId);
        if (span != null) span[1] = audioEndMs;
    }

    void caller(String itemId, String text, double confidence) {
        long[] span = itemId == null ? null : callerSpeech.remove(itemId);
        long now = offsetMs();
        long start = span != null ? span[0] : now;
        long end = span != null && span[1] >= 0 ? span[1] : now;
        record(Speaker.CUSTOMER, text, confidence, start, end);
    }

    void assistant(String text, long startMs) {
        record(Speaker.AGENT, text, 1.0, startMs, offsetMs());
    }

    /** The call ended for {@code reason}. */
    void ended(String reason) {
        journal.ended(call.call(), reason);
    }

    /** The call's ledger, once its stream ended. */
    void measured(CallUsage usage) {
        journal.measured(new MeasuredCall(call.call(), call.tenant(), usage));
    }

    private void record(Speaker speaker, String text, double confidence, long startMs, long endMs) {
        if (text == null || text.isBlank()) return;
        journal.said(new CallMessage(call.call(), call.tenant(), speaker, text, confidence, true, startMs, endMs, clock.instant()));
    }
}
