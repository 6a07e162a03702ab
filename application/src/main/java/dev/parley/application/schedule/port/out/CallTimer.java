package dev.parley.application.schedule.port.out;

import dev.parley.domain.schedule.ScheduledCallId;

import java.time.Instant;

/**
 * The durable, cluster-safe timer behind schedules: at the set time one instance calls
 * {@code FireScheduledCallUseCase}. Runs outside the caller's transaction.
 */
public interface CallTimer {
    /** Sets (or moves) the schedule's timer. */
    void set(ScheduledCallId id, Instant at);

    /** Removes the schedule's timer, if any. */
    void clear(ScheduledCallId id);
}
