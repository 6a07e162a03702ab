package dev.parley.application.tenancy.port.out;

import java.time.Duration;

/** How long a refresh token lives. */
public record SessionPolicy(Duration refreshTokenLifetime) {
    public SessionPolicy {
        if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero())
            throw new IllegalArgumentException("refresh token lifetime must be positive");
    }
}
