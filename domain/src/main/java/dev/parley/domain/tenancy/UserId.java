package dev.parley.domain.tenancy;

import dev.parley.domain.shared.TenantId;

/** Identifies one user account. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) throw new IllegalArgumentException("A user id is positive");
    }

    /** The tenant this user is: every record the user owns carries it. */
    public TenantId tenant() {
        return new TenantId(value);
    }

    public static UserId of(TenantId tenant) {
        return new UserId(tenant.value());
    }
}
