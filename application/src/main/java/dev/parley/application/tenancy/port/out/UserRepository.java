package dev.parley.application.tenancy.port.out;

import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.tenancy.UserId;

import java.util.Optional;

/** Stores and loads user accounts. */
public interface UserRepository {
    UserId nextId();

    Optional<User> find(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    /** Adds a new user; an e-mail address already taken (also by a concurrent add) is {@link EmailTakenException}. */
    void add(User user);

    void update(User user);

    /** Thrown by {@link #add} when the unique e-mail address is taken. */
    final class EmailTakenException extends RuntimeException {
        public EmailTakenException(Throwable cause) {
            super("email taken", cause);
        }
    }
}
