package dev.parley.adapter.out.persistence.organization;

import dev.parley.application.organization.port.out.ConversationPhases;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.ConversationPhase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Phases shared by every instance through Redis (REDIS_URI set): one key per call,
 * {@code <prefix><call id>}, kept for a day after its last change (the database keeps them for good).
 */
@Singleton
@Requires(property = "redis.uri")
class RedisConversationPhases implements ConversationPhases {
    private final StatefulRedisConnection<String, String> redis;
    private final String prefix;
    private final Duration ttl;

    RedisConversationPhases(RedisClient client, @Value("${parley.organizations.phase-key-prefix:parley:phase:}") String prefix,
                            @Value("${parley.organizations.phase-ttl:1d}") Duration ttl) {
        this.redis = client.connect();
        this.prefix = prefix;
        this.ttl = ttl;
    }

    @Override
    public void put(CallId call, ConversationPhase phase) {
        redis.sync().set(prefix + call.value(), phase.wire(), SetArgs.Builder.px(ttl.toMillis()));
    }

    @Override
    public Optional<ConversationPhase> get(CallId call) {
        return ConversationPhase.parse(redis.sync().get(prefix + call.value()));
    }

    @PreDestroy
    void close() {
        redis.close();
    }
}
