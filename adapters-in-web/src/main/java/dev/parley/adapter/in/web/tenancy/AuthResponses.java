package dev.parley.adapter.in.web.tenancy;

import dev.parley.adapter.in.web.security.AccessTokens.IssuedAccessToken;
import dev.parley.application.tenancy.port.in.SessionView;
import dev.parley.application.tenancy.port.in.SignedIn;
import dev.parley.application.tenancy.port.in.UserView;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** Response bodies of the account endpoints (seed 000/001: snake_case JSON). */
final class AuthResponses {
    private AuthResponses() {
    }

    /** Seed 000's {@code UserRead}: id, email, is_active, is_admin. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record UserResponse(long id, String email, boolean isActive, boolean isAdmin, Instant createdAt) {
        static UserResponse from(UserView user) {
            return new UserResponse(user.id(), user.email(), user.active(), user.admin(), user.createdAt());
        }
    }

    /** Seed 000's {@code Token}: access_token, refresh_token, token_type ("bearer"), plus the access token's lifetime. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record TokenResponse(String accessToken, String refreshToken, String tokenType, int expiresIn) {
        static TokenResponse from(IssuedAccessToken access, SignedIn session) {
            return new TokenResponse(access.token(), session.refreshToken(), "bearer", access.expiresInSeconds());
        }

        @Override
        public String toString() {
            return "TokenResponse[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SessionResponse(long id, Instant createdAt, Instant expiresAt) {
        static SessionResponse from(SessionView view) {
            return new SessionResponse(view.id(), view.createdAt(), view.expiresAt());
        }
    }

    @Serdeable
    record MessageResponse(String message) {
    }
}
