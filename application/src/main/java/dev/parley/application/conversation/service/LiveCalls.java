package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.in.MonitorLiveCallsUseCase;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The live calls of this instance and their counters. */
public final class LiveCalls implements MonitorLiveCallsUseCase {
    private final Set<LiveCall> active = ConcurrentHashMap.newKeySet();
    final AtomicLong opened = new AtomicLong();
    final AtomicLong malformedCarrierFrames = new AtomicLong();
    final AtomicLong malformedModelEvents = new AtomicLong();
    final AtomicLong modelFailures = new AtomicLong();

    void add(LiveCall call) {
        active.add(call);
        opened.incrementAndGet();
    }

    void remove(LiveCall call) {
        active.remove(call);
    }

    @Override
    public LiveCallStats stats() {
        return new LiveCallStats(active.size(), opened.get(), malformedCarrierFrames.get(), malformedModelEvents.get(),
                modelFailures.get());
    }
}
