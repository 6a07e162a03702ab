package dev.parley.adapter.in.web.schedule;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.domain.shared.TenantId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Seed 004's limit on {@code POST /schedule-call}: {@code parley.rate-limit.schedule-call-per-minute}
 * (default 3) per user, per instance; off with the other limits ({@code parley.rate-limit.enabled}).
 * Kept apart from the address-based {@code RateLimitFilter}: this one counts the signed-in user.
 */
@Singleton
class ScheduleCallRateLimiter {
    private final boolean enabled;
    private final int perMinute;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(2, TimeUnit.MINUTES).maximumSize(100_000).build();

    ScheduleCallRateLimiter(@Value("${parley.rate-limit.enabled:true}") boolean enabled,
                            @Value("${parley.rate-limit.schedule-call-per-minute:3}") int perMinute) {
        this.enabled = enabled;
        this.perMinute = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    /** Empty when the request may go ahead; otherwise the seconds to wait. */
    OptionalLong take(TenantId user) {
        if (!enabled) return OptionalLong.empty();
        Bucket bucket = buckets.get(user.value(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
}
