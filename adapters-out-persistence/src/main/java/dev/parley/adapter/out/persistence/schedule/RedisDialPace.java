package dev.parley.adapter.out.persistence.schedule;

import dev.parley.application.schedule.port.out.DialPace;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;

/**
 * The pace shared through Redis (when {@code REDIS_URI} is set): one key holds the next free slot in
 * Redis's own microseconds; a script reserves a slot atomically on Redis's clock and answers how
 * long this caller waits, so the instances' clocks need not agree.
 */
final class RedisDialPace implements DialPace {
    private static final String RESERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
            local slot = math.max(nextSlot, now)
            redis.call('SET', KEYS[1], tostring(slot + tonumber(ARGV[1])), 'PX', tostring(math.floor((slot - now) / 1000) + 60000))
            return slot - now
            """;
    private final StatefulRedisConnection<String, String> connection;
    private final long intervalMicros;
    private final String key;

    RedisDialPace(StatefulRedisConnection<String, String> connection, Duration interval, String key) {
        this.connection = connection;
        this.intervalMicros = Math.max(1, interval.toNanos() / 1000);
        this.key = key;
    }

    @Override
    public void awaitTurn() throws InterruptedException {
        Long waitMicros = connection.sync().eval(RESERVE, ScriptOutputType.INTEGER, new String[]{key}, Long.toString(intervalMicros));
        if (waitMicros != null && waitMicros > 0) Thread.sleep(Duration.ofNanos(waitMicros * 1000));
    }
}
