package dev.parley.adapter.out.persistence.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The db-scheduler instance that fires scheduled calls ({@code parley.schedule.*}): how often it
 * looks for due timers, how many it runs at once, and how fast it notices an instance that died
 * (heartbeat interval times missed heartbeats).
 */
@ConfigurationProperties("parley.schedule.scheduler")
record SchedulerProperties(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "2s") Duration pollingInterval,
                           @Bindable(defaultValue = "10") int threads,
                           @Bindable(defaultValue = "10s") Duration heartbeatInterval,
                           @Bindable(defaultValue = "6") int missedHeartbeats,
                           @Bindable(defaultValue = "30s") Duration failureRetry) {
}
