package dev.parley.application.schedule.service;

import java.time.Duration;

/**
 * How schedules are fired: a schedule late by more than {@code grace} when an instance starts is
 * missed; passing carrier failures are retried up to {@code maxAttempts} attempts in all, the n-th
 * retry after {@code retryBackoff * 2^(n-1)}.
 */
public record SchedulePolicy(Duration grace, int maxAttempts, Duration retryBackoff) {
    public SchedulePolicy {
        if (grace.isNegative() || maxAttempts < 1 || retryBackoff.isNegative()) throw new IllegalArgumentException("bad schedule policy");
    }

    public Duration backoffAfter(int attempts) {
        return retryBackoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    }
}
