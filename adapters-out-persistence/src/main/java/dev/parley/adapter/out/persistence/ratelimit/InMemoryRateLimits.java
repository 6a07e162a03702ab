package dev.parley.adapter.out.persistence.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.application.shared.RateLimits;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Token buckets (Bucket4j) kept by this instance alone: the default without Redis. */
final class InMemoryRateLimits implements RateLimits {
    /** Bounded and self-cleaning: an idle caller's bucket would be full again by the time it expires. */
    private final Cache<String, Bucket> buckets;

    InMemoryRateLimits(Duration idleExpiry) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idleExpiry).maximumSize(100_000).build();
    }

    @Override
    public CompletionStage<Decision> take(String key, Limit limit) {
        Bucket bucket = buckets.get(key + '|' + limit.capacity() + '/' + limit.window().toMillis(),
                k -> Bucket.builder().addLimit(BucketLimits.bandwidth(limit)).build());
        return CompletableFuture.completedFuture(BucketLimits.decision(bucket.tryConsumeAndReturnRemaining(1)));
    }

}
