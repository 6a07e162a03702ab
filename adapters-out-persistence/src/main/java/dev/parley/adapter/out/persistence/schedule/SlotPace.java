package dev.parley.adapter.out.persistence.schedule;

import dev.parley.application.schedule.port.out.DialPace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A pace that hands out dialling slots one interval apart; the caller sleeps until its slot. */
abstract class SlotPace implements DialPace {
    private final Clock clock;

    SlotPace(Clock clock) {
        this.clock = clock;
    }

    /** Reserves the next free slot (now at the earliest) and moves the next free slot one interval on. */
    abstract Instant reserve(Instant now);

    @Override
    public void awaitTurn() throws InterruptedException {
        Instant slot = reserve(clock.instant());
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.isPositive()) Thread.sleep(wait);
    }
}
