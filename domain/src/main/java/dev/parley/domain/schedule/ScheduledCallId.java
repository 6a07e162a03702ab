package dev.parley.domain.schedule;

/** Identifies a scheduled call; drawn from a database sequence before the schedule is stored. */
public record ScheduledCallId(long value) {
    public ScheduledCallId {
        if (value <= 0) throw new IllegalArgumentException("ScheduledCallId must be positive");
    }
}
