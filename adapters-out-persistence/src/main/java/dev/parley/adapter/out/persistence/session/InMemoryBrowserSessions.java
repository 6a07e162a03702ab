package dev.parley.adapter.out.persistence.session;

import dev.parley.application.session.port.out.BrowserSessions;
import dev.parley.domain.session.BrowserSession;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions held by this instance until their client secrets expire (at most the secret's
 * lifetime, 10 minutes by default). The browser signals the instance that created its session only
 * if requests stick to it; several instances without sticky routing need a shared store.
 */
@Singleton
class InMemoryBrowserSessions implements BrowserSessions {
    private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(BrowserSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<BrowserSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public void purgeExpired(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    }
}
