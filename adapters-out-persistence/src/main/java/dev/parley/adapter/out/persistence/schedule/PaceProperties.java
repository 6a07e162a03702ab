package dev.parley.adapter.out.persistence.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The carrier's pace for dials from schedules ({@code parley.schedule.pace.*}):
 * {@code calls-per-second} (TWILIO_CALLS_PER_SECOND) shared by all instances; {@code store} is
 * {@code database} (default: a row in our database), {@code memory} (one instance only) or
 * {@code redis} (used whenever {@code redis.uri} is set, unless another store is named).
 */
@ConfigurationProperties("parley.schedule.pace")
record PaceProperties(@Bindable(defaultValue = "1") double callsPerSecond,
                      @Bindable(defaultValue = "auto") String store,
                      @Bindable(defaultValue = "parley:dial-pace:twilio") String redisKey) {
    Duration interval() {
        return Duration.ofNanos(Math.max(1L, Math.round(1_000_000_000d / Math.max(0.001, callsPerSecond))));
    }

    String effectiveStore(boolean redisConfigured) {
        if (!"auto".equals(store)) return store;
        return redisConfigured ? "redis" : "database";
    }
}
