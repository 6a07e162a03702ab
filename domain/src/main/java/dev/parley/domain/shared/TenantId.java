package dev.parley.domain.shared;

/** The owner of every tenant-owned record; today one user is one tenant. */
public record TenantId(long value) {
    public TenantId {
        if (value <= 0) throw new IllegalArgumentException("A tenant id is positive");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
