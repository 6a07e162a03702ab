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

    /**
     * A fixed window, as seed 004 counts ("5 per minute"): full at first, refilled whole at the end of each window
     * (a gradual refill would hand out a request every twelfth of a minute and blur the N+1st refusal).
     */
    static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.window()).build();
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    static Decision decision(ConsumptionProbe probe) {
        return probe.isConsumed() ? Decision.allowed(probe.getRemainingTokens())
                : Decision.refused(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
}
