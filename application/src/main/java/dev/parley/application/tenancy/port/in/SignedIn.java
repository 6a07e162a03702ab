package dev.parley.application.tenancy.port.in;

import java.time.Instant;

/**
 * A successful sign-in or refresh: who it is, the new refresh token (shown once, never stored in clear)
 * and the session (the sign-in's token family) that access tokens name, so that they die with it.
 */
public record SignedIn(UserView user, String refreshToken, Instant refreshTokenExpiresAt, long sessionId) {
    @Override
    public String toString() {
        return "SignedIn[user=" + user.id() + "]";
    }
}
