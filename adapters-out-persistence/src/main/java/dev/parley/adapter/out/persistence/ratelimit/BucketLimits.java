package dev.parley.adapter.out.persistence.ratelimit;

import dev.parley.application.shared.RateLimits.Decision;
import dev.parley.application.shared.RateLimits.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/** How a {@link Limit} becomes a Bucket4j bandwidth, and a probe a {@link Decision}; shared by both stores. */
final class BucketLimits {
    private BucketLimits() {
    }

    /** Full at first; refilled gradually, so the whole budget is back one window after it was spent. */
    static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.window()).build();
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    static Decision decision(ConsumptionProbe probe) {
        return probe.isConsumed() ? Decision.allowed(probe.getRemainingTokens())
                : Decision.refused(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
}
