package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.in.MonitorLiveCallsUseCase;
import dev.parley.application.conversation.port.out.ConversationMetrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The live calls of this instance and their counters. */
public final class LiveCalls implements MonitorLiveCallsUseCase {
    private final Set<LiveCall> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong malformedCarrierFrames = new AtomicLong();
    private final AtomicLong malformedModelEvents = new AtomicLong();
    private final AtomicLong modelFailures = new AtomicLong();
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder bargeIns = new LongAdder();
    private final ConversationMetrics metrics;

    public LiveCalls() {
        this(ConversationMetrics.NONE);
    }

    /** @param metrics told of calls starting and ending and of every answered turn */
    public LiveCalls(ConversationMetrics metrics) {
        this.metrics = metrics;
    }

    void add(LiveCall call) {
        active.add(call);
        opened.incrementAndGet();
    }

    void remove(LiveCall call) {
        active.remove(call);
    }

    void started(String direction) {
        metrics.callStarted(direction);
    }

    void ended(String reason) {
        metrics.callEnded(reason == null ? "normal" : reason);
    }

    /** Hot path: one caller frame forwarded to the model. */
    void frameIn() {
        framesIn.increment();
    }

    /** Hot path: one assistant frame sent to the carrier. */
    void frameOut() {
        framesOut.increment();
    }

    void turnAnswered(long latencyMs) {
        metrics.turnAnswered(latencyMs);
    }

    void bargedIn() {
        bargeIns.increment();
    }

    /** Caller audio frames forwarded to the model, assistant frames sent to the carrier, and barge-ins, since start. */
    public long framesIn() {
        return framesIn.sum();
    }

    public long framesOut() {
        return framesOut.sum();
    }

    public long bargeIns() {
        return bargeIns.sum();
    }

    void carrierFrameMalformed() {
        malformedCarrierFrames.incrementAndGet();
    }

    void modelEventMalformed() {
        malformedModelEvents.incrementAndGet();
    }

    void modelFailed() {
        modelFailures.incrementAndGet();
    }

    /** The live call of this instance with that id, if its media stream is here. */
    java.util.Optional<LiveCall> find(dev.parley.domain.call.CallId call) {
        for (LiveCall live : active) if (live.callId().equals(call)) return java.util.Optional.of(live);
        return java.util.Optional.empty();
    }

    @Override
    public LiveCallStats stats() {
        return new LiveCallStats(active.size(), opened.get(), malformedCarrierFrames.get(), malformedModelEvents.get(),
                modelFailures.get());
    }
}
