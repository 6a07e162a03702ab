package dev.parley.application.tenancy.port.in;

import java.time.Instant;

/** One signed-in session of the user (a live refresh token), without its secret. */
public record SessionView(long id, Instant createdAt, Instant expiresAt) {
}
