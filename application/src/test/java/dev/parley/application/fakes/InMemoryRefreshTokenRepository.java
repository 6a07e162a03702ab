package dev.parley.application.fakes;

import dev.parley.application.tenancy.port.out.RefreshTokenRepository;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.RefreshToken;
import dev.parley.domain.tenancy.RefreshTokenId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
    private final AtomicLong ids = new AtomicLong();
    private final Map<RefreshTokenId, RefreshToken> byId = new ConcurrentHashMap<>();

    @Override
    public RefreshTokenId nextId() {
        return new RefreshTokenId(ids.incrementAndGet());
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return byId.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return findByHash(tokenHash);
    }

    @Override
    public Optional<RefreshToken> find(TenantId tenant, RefreshTokenId id) {
        return Optional.ofNullable(byId.get(id)).filter(t -> t.tenant().equals(tenant));
    }

    @Override
    public List<RefreshToken> findUsable(TenantId tenant, Instant now) {
        return byId.values().stream().filter(t -> t.tenant().equals(tenant) && t.isUsable(now)).toList();
    }

    @Override
    public void add(RefreshToken token) {
        byId.put(token.id(), token);
    }

    @Override
    public void update(RefreshToken token) {
        byId.put(token.id(), token);
    }

    @Override
    public void revokeFamily(TenantId tenant, long family, Instant now) {
        byId.values().stream().filter(t -> t.tenant().equals(tenant) && t.family() == family).forEach(t -> t.revoke(now));
    }
}
