package dev.parley.adapter.in.web.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Seed 004's rate limits, each per {@code window} (one minute): sign-in, registration and the OAuth2 token
 * endpoint 5, refresh 10, scheduling 3, immediate calls 2, realtime sessions 5, custom-scenario creation 10,
 * transcripts from a media URL 10, {@code GET /protected} 5. Counted per user on authenticated routes and per
 * client address otherwise (behind a proxy set {@code micronaut.server.client-address-header}); shared by all
 * instances through Redis when {@code REDIS_URI} is set. {@code enabled=false} (RATE_LIMITS_ENABLED) turns
 * every limit off, for load tests. The routes are marked with {@link RateLimited}.
 */
@ConfigurationProperties("parley.rate-limit")
record RateLimitProperties(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "1m") Duration window,
                           @Bindable(defaultValue = "5") int authPerMinute,
                           @Bindable(defaultValue = "10") int refreshPerMinute,
                           @Bindable(defaultValue = "3") int scheduleCallPerMinute,
                           @Bindable(defaultValue = "2") int callPerMinute,
                           @Bindable(defaultValue = "5") int realtimeSessionPerMinute,
                           @Bindable(defaultValue = "10") int customScenarioPerMinute,
                           @Bindable(defaultValue = "10") int transcriptPerMinute,
                           @Bindable(defaultValue = "5") int protectedPerMinute) {
    static final String AUTH = "auth";
    static final String REFRESH = "refresh";

    RateLimitProperties {
        for (int n : new int[]{authPerMinute, refreshPerMinute, scheduleCallPerMinute, callPerMinute, realtimeSessionPerMinute,
                customScenarioPerMinute, transcriptPerMinute, protectedPerMinute})
            if (n < 1) throw new IllegalArgumentException("every parley.rate-limit.*-per-minute must be at least 1 (turn limits off with enabled=false)");
        if (window.isZero() || window.isNegative()) throw new IllegalArgumentException("parley.rate-limit.window must be positive");
    }

    int perWindow(String limit) {
        return switch (limit) {
            case AUTH -> authPerMinute;
            case REFRESH -> refreshPerMinute;
            case "schedule-call" -> scheduleCallPerMinute;
            case "call" -> callPerMinute;
            case "realtime-session" -> realtimeSessionPerMinute;
            case "custom-scenario" -> customScenarioPerMinute;
            case "transcript" -> transcriptPerMinute;
            case "protected" -> protectedPerMinute;
            default -> throw new IllegalStateException("No rate limit named " + limit);
        };
    }

    /** "per minute" as seed 004 says it, or the configured window. */
    String windowInWords() {
        return window.equals(Duration.ofMinutes(1)) ? "per minute" : "per " + window.toMillis() / 1000.0 + " s";
    }
}
