package dev.parley.adapter.out.persistence.ratelimit;

import dev.parley.application.shared.RateLimits;
import dev.parley.application.shared.RateLimits.Decision;
import dev.parley.application.shared.RateLimits.Limit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both bucket stores refuse the request after the budget and serve again once the window has refilled it;
 * the Redis store is one budget for every instance (two connections stand for two instances).
 */
class RateLimitsTest {
    private static final Limit THREE_PER_SECOND = new Limit(3, Duration.ofSeconds(1));

    @Test
    void theMemoryStoreRefusesTheFourthOfThreeAndServesAgainAfterTheWindow() throws Exception {
        assertBudget(new InMemoryRateLimits(Duration.ofMinutes(2)), "memory-" + UUID.randomUUID());
    }

    @Test
    void theMemoryStoreKeepsOneBudgetPerKey() throws Exception {
        RateLimits limits = new InMemoryRateLimits(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) take(limits, "ann", THREE_PER_SECOND);
        assertThat(take(limits, "ann", THREE_PER_SECOND).allowed()).isFalse();
        assertThat(take(limits, "bob", THREE_PER_SECOND).allowed()).isTrue();
    }

    @Test
    void theRedisStoreIsOneBudgetForEveryInstance() throws Exception {
        String uri = System.getProperty("parley.test.redis.uri", "redis://127.0.0.1:6379");
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, byte[]> a;
            try {
                a = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            } catch (RuntimeException e) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("CI=true requires Redis at " + uri, e);
                assumeTrue(false, "Redis not reachable at " + uri);
                return;
            }
            StatefulRedisConnection<String, byte[]> b = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            String prefix = "parley:test:rate-limit:" + UUID.randomUUID() + ":";
            RateLimits onA = new RedisRateLimits(a, prefix, Duration.ofSeconds(5));
            RateLimits onB = new RedisRateLimits(b, prefix, Duration.ofSeconds(5));
            Limit fivePerMinute = new Limit(5, Duration.ofMinutes(1));
            for (int i = 0; i < 3; i++) assertThat(take(onA, "ann", fivePerMinute).allowed()).isTrue();
            Decision fourth = take(onB, "ann", fivePerMinute);
            assertThat(fourth.allowed()).isTrue();
            assertThat(fourth.remaining()).isEqualTo(1);
            assertThat(take(onB, "ann", fivePerMinute).allowed()).isTrue();
            Decision sixth = take(onA, "ann", fivePerMinute);
            assertThat(sixth.allowed()).isFalse();
            assertThat(sixth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(take(onB, "bob", fivePerMinute).allowed()).isTrue();
            assertThat(a.sync().keys(prefix + "*")).isNotEmpty().allSatisfy(key -> assertThat(a.sync().pttl(key)).isPositive());

            assertBudget(onA, "window-" + UUID.randomUUID());
            a.sync().keys(prefix + "*").forEach(key -> a.sync().del(key));
            a.close();
            b.close();
        } finally {
            client.shutdown();
        }
    }

    private static void assertBudget(RateLimits limits, String key) throws Exception {
        for (int i = 0; i < 3; i++) {
            Decision ok = take(limits, key, THREE_PER_SECOND);
            assertThat(ok.allowed()).isTrue();
            assertThat(ok.remaining()).isEqualTo(2 - i);
        }
        Decision refused = take(limits, key, THREE_PER_SECOND);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean servedAgain = false;
        while (!servedAgain && System.nanoTime() < deadline) {
            Thread.sleep(100);
            servedAgain = take(limits, key, THREE_PER_SECOND).allowed();
        }
        assertThat(servedAgain).as("served again after the window").isTrue();
    }

    private static Decision take(RateLimits limits, String key, Limit limit) throws Exception {
        return limits.take(key, limit).toCompletableFuture().get();
    }
}
