package dev.parley.adapter.out.persistence.organization;

import dev.parley.application.organization.port.out.ConversationPhases;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.ConversationPhase;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Phases on this instance only (no REDIS_URI): the most recent 100,000 calls, the oldest forgotten first (the database keeps them all). */
@Singleton
@Requires(missingProperty = "redis.uri")
class InMemoryConversationPhases implements ConversationPhases {
    static final int CAPACITY = 100_000;
    private final Map<Long, ConversationPhase> phases = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ConversationPhase> eldest) {
            return size() > CAPACITY;
        }
    };

    @Override
    public synchronized void put(CallId call, ConversationPhase phase) {
        phases.put(call.value(), phase);
    }

    @Override
    public synchronized Optional<ConversationPhase> get(CallId call) {
        return Optional.ofNullable(phases.get(call.value()));
    }
}
