package dev.parley.adapter.out.persistence.tenancy;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.tenancy.UserId;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class JdbcUserRepository implements UserRepository {
    private final UserRows rows;
    private final Sequences sequences;

    JdbcUserRepository(UserRows rows, Sequences sequences) {
        this.rows = rows;
        this.sequences = sequences;
    }

    @Override
    public UserId nextId() {
        return new UserId(sequences.next("users_id_seq"));
    }

    @Override
    public Optional<User> find(UserId id) {
        return rows.findById(id.value()).map(JdbcUserRepository::toDomain);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return rows.findByEmail(email.value()).map(JdbcUserRepository::toDomain);
    }

    @Override
    public void add(User user) {
        try {
            rows.save(toRow(user));
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw new EmailTakenException(e);
            throw e;
        }
    }

    @Override
    public void update(User user) {
        rows.update(toRow(user));
    }

    private static UserRow toRow(User user) {
        return new UserRow(user.id().value(), user.email().value(), user.passwordHash().encoded(), user.isActive(),
                user.isAdmin(), user.createdAt());
    }

    private static User toDomain(UserRow row) {
        return User.reconstitute(new UserId(row.id()), new EmailAddress(row.email()), new PasswordHash(row.hashedPassword()),
                row.active(), row.admin(), row.createdAt());
    }
}
