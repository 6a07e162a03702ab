package dev.parley.adapter.out.persistence.ratelimit;

import dev.parley.application.shared.RateLimits;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Token buckets in Redis (Bucket4j's Lettuce integration, compare-and-swap), so every instance
 * draws on one budget per caller. Asynchronous: a request never holds an event loop while Redis answers.
 * A bucket's key expires once it would be full again, so idle callers leave nothing behind.
 */
final class RedisRateLimits implements RateLimits {
    private final AsyncProxyManager<String> buckets;
    private final String prefix;

    RedisRateLimits(StatefulRedisConnection<String, byte[]> connection, String prefix, Duration timeout) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                .requestTimeout(timeout)
                .build()
                .asAsync();
        this.prefix = prefix;
    }

    @Override
    public CompletionStage<Decision> take(String key, Limit limit) {
        String redisKey = prefix + key + '|' + limit.capacity() + '/' + limit.window().toMillis();
        return buckets.builder().build(redisKey, BucketLimits.configuration(limit))
                .tryConsumeAndReturnRemaining(1)
                .thenApply(BucketLimits::decision);
    }

}
