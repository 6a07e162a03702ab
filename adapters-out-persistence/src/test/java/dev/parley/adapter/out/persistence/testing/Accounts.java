package dev.parley.adapter.out.persistence.testing;

import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.User;

import java.time.Instant;
import java.util.UUID;

/** Tenants for contract tests: a registered account, which the calls' foreign key wants. */
public final class Accounts {
    private Accounts() {
    }

    public static TenantId newTenant(UserRepository users, Transactions transactions) {
        User user = User.register(users.nextId(), new EmailAddress("c-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$argon2id$x"), Instant.parse("2026-03-01T12:00:00Z"));
        transactions.run(() -> users.add(user));
        return user.tenant();
    }
}
