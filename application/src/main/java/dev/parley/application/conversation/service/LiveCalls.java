package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.in.MonitorLiveCallsUseCase;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The live calls of this instance and their counters. */
public final class LiveCalls implements MonitorLiveCallsUseCase {
    private final Set<LiveCall> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong malformedCarrierFrames = new AtomicLong();
    private final AtomicLong malformedModelEvents = new AtomicLong();
    private final AtomicLong modelFailures = new AtomicLong();

    void add(LiveCall call) {
        active.add(call);
        opened.incrementAndGet();
    }

    void remove(LiveCall call) {
        active.remove(call);
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
