package dev.parley.adapter.in.web.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the account endpoints (seed 000/001: snake_case JSON). */
final class AuthRequests {
    private AuthRequests() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RegisterRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "RegisterRequest[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }
}
