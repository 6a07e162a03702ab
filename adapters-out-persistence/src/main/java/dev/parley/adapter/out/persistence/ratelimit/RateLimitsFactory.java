package dev.parley.adapter.out.persistence.ratelimit;

import dev.parley.application.shared.RateLimits;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Where the rate-limit buckets live: in Redis when {@code redis.uri} (REDIS_URI) is set, so every
 * instance shares one budget per caller; in this instance's memory otherwise.
 * {@code parley.rate-limit.store} may force {@code memory} or {@code redis}.
 */
@Factory
class RateLimitsFactory {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitsFactory.class);

    @Singleton
    RateLimits rateLimits(BeanProvider<RedisClient> redis, @Nullable @Value("${redis.uri:}") String redisUri,
                          @Value("${parley.rate-limit.store:auto}") String store,
                          @Value("${parley.rate-limit.redis-prefix:parley:rate-limit:}") String prefix,
                          @Value("${parley.rate-limit.redis-timeout:2s}") Duration timeout,
                          @Value("${parley.rate-limit.window:1m}") Duration window) {
        boolean useRedis = "redis".equals(store) || ("auto".equals(store) && redisUri != null && !redisUri.isBlank());
        LOG.info("Rate-limit buckets kept {}", useRedis ? "in Redis, shared by every instance" : "in memory, per instance");
        if (!useRedis) return new InMemoryRateLimits(window.multipliedBy(2).compareTo(Duration.ofMinutes(2)) > 0 ? window.multipliedBy(2) : Duration.ofMinutes(2));
        return new RedisRateLimits(redis.get().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)), prefix, timeout);
    }
}
