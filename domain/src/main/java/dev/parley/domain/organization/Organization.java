package dev.parley.domain.organization;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/** A business a tenant runs voice agents for (a clinic, a practice, a service business), with its own rules. */
public final class Organization {
    private final OrgId id;
    private final TenantId tenant;
    private final String name;
    private final Instant createdAt;
    private OrgConfig config;
    private Instant updatedAt;

    private Organization(OrgId id, TenantId tenant, String name, OrgConfig config, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.tenant = Objects.requireNonNull(tenant);
        this.name = name;
        this.config = Objects.requireNonNull(config);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A new organization; its configuration starts from its name. */
    public static Organization create(OrgId id, TenantId tenant, String name, Instant now) {
        String n = Limits.text("name", name, 100, true);
        return new Organization(id, tenant, n, OrgConfig.initial(n), now, now);
    }

    /** Rebuilds a stored organization. For persistence adapters only; checks no rules. */
    public static Organization reconstitute(OrgId id, TenantId tenant, String name, OrgConfig config, Instant createdAt, Instant updatedAt) {
        return new Organization(id, tenant, name, config, createdAt, updatedAt);
    }

    /** Replaces the configuration as a whole. */
    public void configure(OrgConfig next, Instant now) {
        config = Objects.requireNonNull(next);
        updatedAt = now;
    }

    public OrgId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public String name() {
        return name;
    }

    public OrgConfig config() {
        return config;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
