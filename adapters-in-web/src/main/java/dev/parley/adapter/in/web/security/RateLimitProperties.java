package dev.parley.adapter.in.web.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Per-client limits on the endpoints worth guessing at (seed 004's table): sign-in, registration
 * and the OAuth2 token endpoint 5 per minute, refresh 10 per minute, browser realtime sessions 5 per minute. Counted per client address
 * (behind a proxy set {@code micronaut.server.client-address-header} so the real address is used)
 * and per instance. The routes are marked with {@link RateLimited}.
 */
@ConfigurationProperties("parley.rate-limit")
record RateLimitProperties(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "5") int authPerMinute,
                           @Bindable(defaultValue = "10") int refreshPerMinute,
                           @Bindable(defaultValue = "5") int realtimeSessionPerMinute) {
    static final String AUTH = "auth";
    static final String REFRESH = "refresh";
    static final String REALTIME_SESSION = "realtime-session";

    int perMinute(String limit) {
        return switch (limit) {
            case AUTH -> authPerMinute;
            case REFRESH -> refreshPerMinute;
            case REALTIME_SESSION -> realtimeSessionPerMinute;
            default -> throw new IllegalStateException("No rate limit named " + limit);
        };
    }
}
