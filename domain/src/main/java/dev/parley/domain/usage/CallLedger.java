package dev.parley.domain.usage;

import java.util.Arrays;

/**
 * The ledger of one live call, fed with the bridge's events as they happen: when the caller stops
 * speaking, when assistant audio goes to the carrier, barge-ins and the model's token counts. Times are
 * milliseconds of one clock. A turn is measured from the caller's end of speech to the first assistant
 * audio sent after it; if the caller speaks again first, the turn starts over. Per-frame calls allocate
 * nothing. Not thread-safe: the live call confines it.
 */
public final class CallLedger {
    private final long streamStartMs;
    private long firstAudioMs = -1;
    private long callerStoppedAtMs = -1;
    private long[] turns = new long[16];
    private int turnCount;
    private int bargeIns;
    private TokenUsage tokens = TokenUsage.ZERO;

    public CallLedger(long streamStartMs) {
        this.streamStartMs = streamStartMs;
    }

    /** True while an assistant audio frame would be measured (no audio yet, or a turn is open): only then does it need the time. */
    public boolean awaitsAudio() {
        return firstAudioMs < 0 || callerStoppedAtMs >= 0;
    }

    /**
     * Assistant audio went to the carrier at {@code nowMs}.
     *
     * @return the latency of the turn this frame answered, or -1 when it answered none
     */
    public long assistantAudioSent(long nowMs) {
        if (firstAudioMs < 0) firstAudioMs = Math.max(0, nowMs - streamStartMs);
        if (callerStoppedAtMs < 0) return -1;
        long latency = Math.max(0, nowMs - callerStoppedAtMs);
        callerStoppedAtMs = -1;
        if (turnCount == turns.length) turns = Arrays.copyOf(turns, turnCount * 2);
        turns[turnCount++] = latency;
        return latency;
    }

    /** The caller started speaking: a turn that was waiting for an answer starts over when they stop. */
    public void callerStartedSpeaking() {
        callerStoppedAtMs = -1;
    }

    public void callerStoppedSpeaking(long nowMs) {
        callerStoppedAtMs = nowMs;
    }

    /** The caller spoke over the assistant and its audio was cut. */
    public void bargedIn() {
        bargeIns++;
    }

    /** The model finished a response that used {@code usage}. */
    public void responded(TokenUsage usage) {
        tokens = tokens.plus(usage);
    }

    public CallUsage usage() {
        return new CallUsage(tokens, latency(), bargeIns);
    }

    /** The median is the nearest-rank one: of an even count, the lower middle value. */
    private TurnLatency latency() {
        if (turnCount == 0) return new TurnLatency(0, -1, -1, firstAudioMs);
        long[] sorted = Arrays.copyOf(turns, turnCount);
        Arrays.sort(sorted);
        return new TurnLatency(turnCount, sorted[(turnCount + 1) / 2 - 1], sorted[turnCount - 1], firstAudioMs);
    }
}
