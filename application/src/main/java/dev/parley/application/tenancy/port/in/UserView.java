package dev.parley.application.tenancy.port.in;

import dev.parley.domain.tenancy.User;

import java.time.Instant;

/** What the outside may know of a user account. */
public record UserView(long id, String email, boolean active, boolean admin, Instant createdAt) {
    public static UserView of(User user) {
        return new UserView(user.id().value(), user.email().value(), user.isActive(), user.isAdmin(), user.createdAt());
    }
}
