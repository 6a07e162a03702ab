package dev.parley.adapter.out.persistence.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The pace of one instance only ({@code parley.schedule.pace.store: memory}). */
final class InMemoryDialPace extends SlotPace {
    private final Duration interval;
    private Instant next = Instant.EPOCH;

    InMemoryDialPace(Clock clock, Duration interval) {
        super(clock);
        this.interval = interval;
    }

    @Override
    synchronized Instant reserve(Instant now) {
        Instant slot = next.isAfter(now) ? next : now;
        next = slot.plus(interval);
        return slot;
    }
}
