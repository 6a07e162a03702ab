package dev.parley.application.session.port.out;

import dev.parley.domain.session.BrowserSession;

import java.time.Instant;
import java.util.Optional;

/** Live browser sessions, until their client secrets expire. */
public interface BrowserSessions {
    void save(BrowserSession session);

    Optional<BrowserSession> find(String sessionId);

    /** Forgets sessions that expired before {@code now}. */
    void purgeExpired(Instant now);
}
