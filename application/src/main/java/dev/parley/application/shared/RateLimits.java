package dev.parley.application.shared;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Request budgets per caller (seed 004's rate limits): token buckets shared by every instance when
 * they share a store, else kept by this instance. Answers asynchronously so an event loop never waits on it.
 */
public interface RateLimits {
    /** Takes one request from the budget {@code key}, which allows {@code limit.capacity()} per {@code limit.window()}. */
    CompletionStage<Decision> take(String key, Limit limit);

    /** A budget: so many requests per window, refilled gradually. */
    record Limit(int capacity, Duration window) {
        public Limit {
            if (capacity < 1) throw new IllegalArgumentException("a rate limit allows at least one request");
            if (window == null || window.isNegative() || window.isZero())
                throw new IllegalArgumentException("a rate limit needs a positive window");
        }
    }

    /** Whether the request may go ahead, what is left, and (when refused) how long until one more fits. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
        public static Decision allowed(long remaining) {
            return new Decision(true, remaining, Duration.ZERO);
        }

        public static Decision refused(Duration retryAfter) {
            return new Decision(false, 0, retryAfter);
        }
    }
}
