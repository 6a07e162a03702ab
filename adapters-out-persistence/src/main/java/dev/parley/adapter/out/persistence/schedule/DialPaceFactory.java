package dev.parley.adapter.out.persistence.schedule;

import dev.parley.application.schedule.port.out.DialPace;
import io.lettuce.core.RedisClient;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;

/** Chooses where the shared dial pace lives (see {@link PaceProperties}). */
@Factory
class DialPaceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DialPaceFactory.class);

    @Singleton
    DialPace dialPace(PaceProperties properties, Clock clock, TransactionOperations<Connection> transactions,
                      BeanProvider<RedisClient> redis, @Nullable @Value("${redis.uri:}") String redisUri) {
        String store = properties.effectiveStore(redisUri != null && !redisUri.isBlank());
        LOG.info("Dials from schedules paced at {} per second ({} store)", properties.callsPerSecond(), store);
        return switch (store) {
            case "memory" -> new InMemoryDialPace(clock, properties.interval());
            case "redis" -> new RedisDialPace(redis.get().connect(), properties.interval(), properties.redisKey());
            default -> new JdbcDialPace(clock, transactions, properties.interval(), "twilio");
        };
    }
}
