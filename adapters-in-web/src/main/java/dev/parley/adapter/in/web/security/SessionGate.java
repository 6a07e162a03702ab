package dev.parley.adapter.in.web.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.application.tenancy.port.in.CheckSessionUseCase;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Whether an access token's sign-in still stands, so that signing out, ending a session or a detected
 * refresh-token reuse also ends the access tokens of that sign-in. The answer comes from the database
 * on the blocking executor and is kept for {@code parley.security.session-check-cache} (5 s; reloaded in the
 * background once half of that has passed, so that steady traffic never waits for it): a
 * revocation on this instance takes effect at once ({@link #forgetAll()}), on other instances within
 * that time. A token without the session claim (none is issued any more) is refused.
 */
@Singleton
public final class SessionGate {
    private final AsyncLoadingCache<Key, Boolean> active;

    SessionGate(CheckSessionUseCase sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                @Value("${parley.security.session-check-cache:5s}") Duration cacheFor) {
        // refresh-ahead: an answer older than half the period is reloaded in the background on its next use (the request
        // goes on with the cached one), so a steady client never waits for the database; none older than the period is used
        this.active = Caffeine.newBuilder().refreshAfterWrite(cacheFor.dividedBy(2)).expireAfterWrite(cacheFor)
                .maximumSize(100_000).executor(blocking)
                .buildAsync(key -> sessions.isActive(key.tenant(), key.session()));
    }

    public CompletableFuture<Boolean> isActive(Authentication authentication) {
        Object claim = authentication.getAttributes().get(AccessTokens.SESSION_CLAIM);
        long session;
        try {
            session = claim instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(claim));
        } catch (NumberFormatException noSession) {
            return CompletableFuture.completedFuture(false);
        }
        return active.get(new Key(CurrentTenant.of(authentication), session));
    }

    /** After a revocation on this instance: the next request of every session asks the database again. */
    public void forgetAll() {
        active.synchronous().invalidateAll();
    }

    private record Key(TenantId tenant, long session) {
    }
}
