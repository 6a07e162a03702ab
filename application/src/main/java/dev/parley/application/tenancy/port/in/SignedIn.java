package dev.parley.application.tenancy.port.in;

import java.time.Instant;

/** A successful sign-in or refresh: who it is and the new refresh token (shown once, never stored in clear). */
public record SignedIn(UserView user, String refreshToken, Instant refreshTokenExpiresAt) {
    @Override
    public String toString() {
        return "SignedIn[user=" + user.id() + "]";
    }
}
