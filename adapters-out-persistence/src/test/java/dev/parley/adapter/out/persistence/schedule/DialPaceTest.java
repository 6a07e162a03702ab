package dev.parley.adapter.out.persistence.schedule;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The memory and Redis paces hand out one dialling slot per interval, the Redis one across several connections (instances). */
class DialPaceTest {
    private static final Duration INTERVAL = Duration.ofMillis(50);

    @Test
    void theMemoryPaceSpacesTurnsOneIntervalApart() throws InterruptedException {
        InMemoryDialPace pace = new InMemoryDialPace(Clock.systemUTC(), INTERVAL);
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) pace.awaitTurn();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(5));
    }

    @Test
    void theRedisPaceIsSharedByEveryInstance() throws Exception {
        String uri = System.getProperty("parley.test.redis.uri", "redis://127.0.0.1:6379");
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> a;
            try {
                a = client.connect();
            } catch (RuntimeException e) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("CI=true requires Redis at " + uri, e);
                assumeTrue(false, "Redis not reachable at " + uri);
                return;
            }
            StatefulRedisConnection<String, String> b = client.connect();
            String key = "parley:test:pace:" + UUID.randomUUID();
            RedisDialPace onA = new RedisDialPace(a, INTERVAL, key);
            RedisDialPace onB = new RedisDialPace(b, INTERVAL, key);
            long start = System.nanoTime();
            Thread other = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 5; i++) onB.awaitTurn();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 5; i++) onA.awaitTurn();
            other.join();
            // ten turns between two instances: at least nine intervals
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(9));
            a.sync().del(key);
            a.close();
            b.close();
        } finally {
            client.shutdown();
        }
    }
}
