package dev.parley.domain.tenancy;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/** A person with an account; the tenant that owns scenarios, numbers, calls and transcripts. */
public final class User {
    private final UserId id;
    private final EmailAddress email;
    private PasswordHash passwordHash;
    private boolean active;
    private final boolean admin;
    private final Instant createdAt;

    private User(UserId id, EmailAddress email, PasswordHash passwordHash, boolean active, boolean admin, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.active = active;
        this.admin = admin;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Opens a new, active, non-admin account. The password was checked against the policy before hashing. */
    public static User register(UserId id, EmailAddress email, PasswordHash passwordHash, Instant now) {
        return new User(id, email, passwordHash, true, false, now);
    }

    /** Rebuilds a stored user. For persistence adapters only; checks no rules. */
    public static User reconstitute(UserId id, EmailAddress email, PasswordHash passwordHash, boolean active,
                                    boolean admin, Instant createdAt) {
        return new User(id, email, passwordHash, active, admin, createdAt);
    }

    /** Replaces the stored hash, e.g. when the hashing parameters were strengthened. */
    public void rehashPassword(PasswordHash stronger) {
        this.passwordHash = Objects.requireNonNull(stronger);
    }

    public void deactivate() {
        this.active = false;
    }

    public UserId id() {
        return id;
    }

    public TenantId tenant() {
        return id.tenant();
    }

    public EmailAddress email() {
        return email;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
