package dev.parley.adapter.out.persistence.events;

import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Call events across instances over Redis pub/sub (Lettuce, through Micronaut's Redis module):
 * every instance publishes to one channel and subscribes to it; each delivers what arrives to
 * its own listeners. Publishing is asynchronous and never blocks the caller. Malformed messages
 * are counted and dropped.
 */
@Singleton
@Requires(property = "redis.uri")
class RedisCallEvents implements CallEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCallEvents.class);
    private final LocalListeners listeners = new LocalListeners();
    private final CallEventCodec codec;
    private final String channel;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile long dropped;

    RedisCallEvents(RedisClient redis, JsonMapper json, @Value("${parley.events.channel:parley:call-events}") String channel) {
        this.codec = new CallEventCodec(json);
        this.channel = channel;
        this.publisher = redis.connect();
        this.subscriber = redis.connectPubSub();
        this.subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (!RedisCallEvents.this.channel.equals(from)) return;
                CallEvent event;
                try {
                    event = codec.decode(message);
                } catch (RuntimeException malformed) {
                    dropped++;
                    LOG.warn("Dropped a malformed call event from Redis ({} so far)", dropped);
                    return;
                }
                listeners.deliver(event);
            }
        });
        this.subscriber.sync().subscribe(channel);
    }

    @Override
    public void publish(CallEvent event) {
        publisher.async().publish(channel, codec.encode(event)).exceptionally(failure -> {
            LOG.warn("Could not publish a call event to Redis: {}", failure.getMessage());
            return 0L;
        });
    }

    @Override
    public Subscription subscribe(Consumer<CallEvent> listener) {
        return listeners.add(listener);
    }

    long dropped() {
        return dropped;
    }

    @PreDestroy
    void close() {
        subscriber.close();
        publisher.close();
    }
}
