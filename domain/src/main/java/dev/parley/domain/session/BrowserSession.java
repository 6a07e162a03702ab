package dev.parley.domain.session;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser's realtime session (seeds 003/004): the tenant it belongs to, the call record it feeds,
 * the scenario it was briefed from and when its client secret stops working. It can be signalled
 * (its WebRTC call connected through us) once; after that it names the vendor's call.
 */
public final class BrowserSession {
    private final String id;
    private final TenantId tenant;
    private final CallId callId;
    private final String scenarioRef;
    private final Instant expiresAt;
    private String realtimeCallId;

    public BrowserSession(String id, TenantId tenant, CallId callId, String scenarioRef, Instant expiresAt) {
        this.id = Objects.requireNonNull(id);
        this.tenant = Objects.requireNonNull(tenant);
        this.callId = Objects.requireNonNull(callId);
        this.scenarioRef = Objects.requireNonNull(scenarioRef);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** True while the session may still be used by {@code tenant}: its own, not expired. */
    public boolean usableBy(TenantId asking, Instant now) {
        return tenant.equals(asking) && now.isBefore(expiresAt);
    }

    /** True once a WebRTC call has been connected for it. */
    public boolean isSignalled() {
        return realtimeCallId != null;
    }

    /** The vendor's call for this session was connected (the sideband is opened with this id). */
    public void signalled(String vendorCallId) {
        if (realtimeCallId != null) throw new IllegalStateException("A browser session connects one call");
        realtimeCallId = Objects.requireNonNull(vendorCallId);
    }

    public String id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public CallId callId() {
        return callId;
    }

    public String scenarioRef() {
        return scenarioRef;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<String> realtimeCallId() {
        return Optional.ofNullable(realtimeCallId);
    }
}
